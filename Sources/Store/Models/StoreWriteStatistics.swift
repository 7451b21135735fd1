import Foundation

/// Counters of a store's write path since it was opened, for metrics and tests.
///
/// `Sendable`: a value type of numbers.
public struct StoreWriteStatistics: Sendable, Hashable {
    /// Write transactions committed.
    public var transactions: Int
    /// Of those, the transactions whose commit waited for stable storage (an fsync): the ones
    /// carrying at least one operation that needs it (see `WriteDurability` in SQLiteStore).
    public var syncedTransactions: Int
    /// Write operations (appends, claims, acknowledgements…) carried by those transactions.
    public var operations: Int
    /// Events appended (not counting duplicates).
    public var eventsAppended: Int
    /// Appends answered as duplicates.
    public var duplicates: Int
    /// The largest number of operations committed in one transaction.
    public var largestBatch: Int
    /// Total time spent committing write transactions, in seconds.
    public var commitSeconds: Double
    /// Write transactions that failed as a whole (nothing of them was stored), by the
    /// ``StoreErrorReason`` raw value (`store.disk-full`, `store.locked`, `store.io`…).
    public var failedTransactions: [String: Int]
    /// Whether a write transaction failed and none that changed rows has committed since: the
    /// store cannot write now, and the broker answers publishes REJECTED `store.unavailable`
    /// until one commits again.
    public var isFailing: Bool

    /// Operations per transaction on average (0 before the first transaction).
    public var averageBatchSize: Double {
        transactions == 0 ? 0 : Double(operations) / Double(transactions)
    }

    /// Creates write statistics.
    public init(
        transactions: Int = 0,
        syncedTransactions: Int = 0,
        operations: Int = 0,
        eventsAppended: Int = 0,
        duplicates: Int = 0,
        largestBatch: Int = 0,
        commitSeconds: Double = 0,
        failedTransactions: [String: Int] = [:],
        isFailing: Bool = false
    ) {
        self.transactions = transactions
        self.syncedTransactions = syncedTransactions
        self.operations = operations
        self.eventsAppended = eventsAppended
        self.duplicates = duplicates
        self.largestBatch = largestBatch
        self.commitSeconds = commitSeconds
        self.failedTransactions = failedTransactions
        self.isFailing = isFailing
    }
}
