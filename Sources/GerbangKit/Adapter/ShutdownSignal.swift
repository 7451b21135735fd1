import Dispatch
import Foundation
import Synchronization

/// Turns SIGTERM and SIGINT into an awaitable event for graceful shutdown. `Sendable`: the
/// dispatch sources are only touched on creation and cancellation, and the stream is `Sendable`.
///
/// Installing it ignores the signals' default action (terminate) for the process, so that the
/// runner can stop cleanly: finish in-flight deliveries, wait for publish answers, say BYE.
public final class ShutdownSignal: Sendable {
    private let sources: Mutex<[any DispatchSourceSignal]>
    private let stream: AsyncStream<Int32>

    /// Starts watching `signals` (default SIGTERM and SIGINT).
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(4))
        self.stream = stream
        sources = Mutex(signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        })
    }

    deinit {
        sources.withLock { for source in $0 { source.cancel() } }
    }

    /// Returns when the first watched signal arrives (or the task is cancelled); the signal
    /// number, or `nil` on cancellation.
    public func wait() async -> Int32? {
        for await number in stream { return number }
        return nil
    }
}
