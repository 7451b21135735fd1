import GMP
import Store
import Synchronization

/// Something a task finished off the socket thread, handed to the broker loop.
enum LoopSignal: Sendable {
    /// One published event's answer, for the session that published it.
    case publishAnswered(sessionID: UInt64, answer: GMPMessage, storedForSubscribers: Bool)
    /// A claim for a session finished (possibly empty).
    case claimed(sessionID: UInt64, consumer: ConsumerID, deliveries: [ClaimedDelivery])
    /// The timer task (lease expiry, due retries) finished; `changed` deliveries became ready.
    case timerDone(changed: Int)
    /// A session's in-flight deliveries were returned to ready.
    case released(changed: Int)
}

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
