import CZeroMQ

/// Runs one libzmq call that reports failure as `-1` plus errno, the way a `syscall` wrapper does:
/// `EINTR` (a signal interrupted the call) is retried, any other errno becomes a ``ZMQError``
/// naming `call`. Every libzmq call of the module goes through this or ``zmqPointerCall(_:_:)``,
/// immediately, so that errno is read before anything else can overwrite it.
///
/// A retried blocking call restarts its own timeout; callers needing a hard deadline use timeouts
/// that are short compared with it.
@inline(__always)
@discardableResult
func zmqCall(_ call: StaticString, _ body: () -> Int32) throws(ZMQError) -> Int32 {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = c_gerbang_zmq_errno()
        if code == c_gerbang_zmq_eintr() { continue }
        throw ZMQError(errno: code, call: "\(call)")
    }
}

/// ``zmqCall(_:_:)`` for libzmq calls that report failure as a `NULL` pointer plus errno.
@inline(__always)
func zmqPointerCall(
    _ call: StaticString, _ body: () -> UnsafeMutableRawPointer?
) throws(ZMQError) -> UnsafeMutableRawPointer {
    while true {
        if let pointer = body() { return pointer }
        let code = c_gerbang_zmq_errno()
        if code == c_gerbang_zmq_eintr() { continue }
        throw ZMQError(errno: code, call: "\(call)")
    }
}
