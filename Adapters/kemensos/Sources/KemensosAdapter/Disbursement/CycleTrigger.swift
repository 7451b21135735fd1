import Dispatch
import Foundation
import Synchronization

/// Turns SIGUSR1 into "run a disbursement cycle now" (`kill -USR1 <pid>`), for operators and tests.
///
/// `Sendable`: the dispatch source is only touched on creation and cancellation (under a
/// `Mutex`), and the stream is `Sendable`.
final class CycleTrigger: Sendable {
    /// One element per signal received (the newest one kept while a cycle runs).
    let requests: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let source: Mutex<(any DispatchSourceSignal)?>

    /// Starts watching SIGUSR1 (its default action, terminating the process, is ignored).
    init() {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        requests = stream
        self.continuation = continuation
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .global())
        source.setEventHandler { continuation.yield() }
        source.resume()
        self.source = Mutex(source)
    }

    /// Asks for a cycle (the timer uses this too).
    func request() { continuation.yield() }

    deinit {
        source.withLock { $0?.cancel() }
        continuation.finish()
    }
}
