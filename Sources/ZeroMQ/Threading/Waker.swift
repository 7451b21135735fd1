import Foundation

/// Wakes a thread blocked in ``Poller/poll(timeout:)`` from any other thread.
///
/// The polling thread owns the receiving end: a ``SocketType/pair`` socket bound to an
/// `inproc://` endpoint and registered in its poller. A `Waker` connects its own PAIR to that
/// endpoint; ``wake()`` sends one empty frame, which makes the receiving end readable. The polling
/// thread then calls ``drain(_:)`` and looks at whatever shared state the wake-up announces
/// (for example a lock-protected queue of work).
///
/// `Waker` is `Sendable` although it holds a socket: every use of that socket happens while `lock`
/// is held. The libzmq manual allows a socket to move between threads "in the case where full
/// memory barriers are issued when migrating a socket from one thread to another", and taking and
/// releasing a lock issues exactly those barriers. `@unchecked` because the compiler cannot see
/// that the lock guards the socket.
public final class Waker: @unchecked Sendable {
    private let lock = NSLock()
    private let socket: Socket

    /// Connects to the receiving PAIR bound at `endpoint` (an `inproc://` address of `context`).
    /// inproc connects may precede the bind.
    public init(context: Context, endpoint: String) throws(ZMQError) {
        socket = try Socket(.pair, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
        try socket.connect(endpoint)
    }

    /// Makes the receiving end readable. Never blocks: when earlier wake-ups are still queued
    /// (the PAIR's high-water mark is reached) the polling thread is awake anyway, so this one is
    /// dropped.
    public func wake() throws(ZMQError) {
        lock.lock()
        defer { lock.unlock() }
        do throws(ZMQError) {
            try socket.send([], flags: .dontWait)
        } catch where error.wouldBlock {
            return
        }
    }

    /// Receives every queued wake-up on the receiving end without blocking; returns how many.
    @discardableResult
    public static func drain(_ receiver: Socket) throws(ZMQError) -> Int {
        let message = Message()
        var count = 0
        while true {
            do throws(ZMQError) {
                try receiver.receive(into: message, flags: .dontWait)
                count += 1
            } catch where error.wouldBlock {
                return count
            }
        }
    }
}
