import Synchronization

/// What one subscriber received: the monotonic time of the first DELIVER of each event index, and
/// how many distinct events arrived. Written by the subscriber's thread, read by the main thread.
///
/// `Sendable`: all state is behind a `Mutex` (taken once per DELIVER, uncontended in practice).
final class ReceiveLog: Sendable {
    private struct State {
        var times: [UInt64]
        var distinct = 0
        var redeliveries = 0
        var failure: String?
    }

    private let state: Mutex<State>

    /// A log for event indexes `0..<capacity`.
    init(capacity: Int) {
        state = Mutex(State(times: [UInt64](repeating: 0, count: capacity)))
    }

    /// Records a DELIVER of event `index` at `time`; a second one of the same index counts as a
    /// redelivery.
    func record(index: Int, at time: UInt64) {
        state.withLock { state in
            guard state.times.indices.contains(index) else {
                state.failure = state.failure ?? "DELIVER of an unknown event index \(index)"
                return
            }
            if state.times[index] == 0 {
                state.times[index] = time
                state.distinct += 1
            } else {
                state.redeliveries += 1
            }
        }
    }

    /// Records why the subscriber stopped early.
    func fail(_ message: String) {
        state.withLock { $0.failure = $0.failure ?? message }
    }

    /// Distinct events received so far.
    var distinct: Int { state.withLock { $0.distinct } }
    /// Deliveries of an event already received.
    var redeliveries: Int { state.withLock { $0.redeliveries } }
    /// Why the subscriber stopped, if it did.
    var failure: String? { state.withLock { $0.failure } }

    /// Receive times of `range` (0 where none arrived).
    func times(_ range: Range<Int>) -> [UInt64] {
        state.withLock { Array($0.times[range]) }
    }
}
