import CZeroMQ

/// Owns one libzmq context pointer and terminates it when the last owner lets go.
///
/// Every ``Socket`` holds the handle, so `zmq_ctx_term` — which, per the libzmq manual, "shall
/// block until ... all open sockets within context have been closed" — only runs after the last
/// socket is closed; it then waits at most for the sockets' linger periods.
///
/// `Sendable`: a libzmq context is thread-safe ("ØMQ contexts are thread safe and may be shared
/// among as many application threads as necessary"), and the pointer itself never changes.
final class ContextHandle: Sendable {
    /// The `void *` from `zmq_ctx_new`. `nonisolated(unsafe)` because raw pointers are not
    /// `Sendable`; it is immutable and the context it points to is thread-safe (see above).
    nonisolated(unsafe) let pointer: UnsafeMutableRawPointer

    init() throws(ZMQError) {
        pointer = try zmqPointerCall("zmq_ctx_new") { zmq_ctx_new() }
    }

    deinit {
        // EINTR is retried; any other failure (EFAULT) cannot be reported from deinit.
        _ = try? zmqCall("zmq_ctx_term") { zmq_ctx_term(pointer) }
    }
}
