import Synchronization

/// The queue of ``LoopSignal``s from tasks to the loop thread. `Sendable`: a `Mutex` guards the
/// array; the producer wakes the loop through its `Waker` after posting.
final class LoopMailbox: Sendable {
    private let signals = Mutex<[LoopSignal]>([])

    func post(_ signal: LoopSignal) {
        signals.withLock { $0.append(signal) }
    }

    func takeAll() -> [LoopSignal] {
        signals.withLock { signals in
            defer { signals.removeAll(keepingCapacity: true) }
            return signals
        }
    }
}
