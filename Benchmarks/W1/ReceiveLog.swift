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
    /// The highest index (exclusive) the log grows to when a DELIVER lies past its capacity.
    private let limit: Int

    /// A log for event indexes `0..<capacity`, growing (in steps) up to `0..<limit` when events
    /// past `capacity` arrive (the soak, whose event count is known only after it measured the rate).
    init(capacity: Int, limit: Int? = nil) {
        state = Mutex(State(times: [UInt64](repeating: 0, count: capacity)))
        self.limit = max(capacity, limit ?? capacity)
    }

    /// Records a DELIVER of event `index` at `time`; a second one of the same index counts as a
    /// redelivery.
    func record(index: Int, at time: UInt64) {
        state.withLock { state in
            if index >= state.times.count && index < limit {
                let grown = min(limit, max(index + 1, state.times.count * 3 / 2))
                state.times.append(contentsOf: repeatElement(0, count: grown - state.times.count))
            }
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
