import Dispatch
import Synchronization

/// Reports the I/O thread's set-up to the thread that started it. `Sendable`: a `Mutex` guards
/// the outcome and a semaphore (thread-safe) signals it.
final class StartSignal: Sendable {
    private let outcome = Mutex<(any Error)??>(nil)
    private let semaphore = DispatchSemaphore(value: 0)

    func report(_ error: (any Error)?) {
        outcome.withLock { $0 = .some(error) }
        semaphore.signal()
    }

    /// Blocks until ``report(_:)`` (microseconds: the thread binds an inproc socket).
    func wait() -> (any Error)? {
        semaphore.wait()
        return outcome.withLock { $0 ?? nil }
    }
}
