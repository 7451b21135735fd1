import Foundation

/// The routing decisions that depend only on an event's type, memoised per type.
///
/// `@unchecked Sendable`: the only mutable state, `entries`, is read and written only while
/// holding `lock`; the stored entries are immutable values.
final class TypeRouteCache: @unchecked Sendable {
    /// What the routes say about one type.
    struct Entry: Sendable {
        /// The agencies that may publish it.
        var publishers: Set<String>
        /// Indexes (into the table's subscriptions, in id order) of the subscriptions whose
        /// globs match it.
        var subscriptionIndexes: [Int]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// At most this many types are remembered; others are computed on every call, so a
    /// publisher sending random types cannot grow the broker's memory.
    let capacity: Int

    /// An empty cache remembering at most `capacity` types.
    init(capacity: Int) { self.capacity = max(capacity, 0) }

    /// The entry for `type`, computed by `make` and remembered when there is room.
    func entry(for type: String, make: () -> Entry) -> Entry {
        if let entry = lock.withLock({ entries[type] }) { return entry }
        let entry = make()
        lock.withLock {
            if entries.count < capacity { entries[type] = entry }
        }
        return entry
    }

    /// How many types are remembered.
    var count: Int { lock.withLock { entries.count } }
}
