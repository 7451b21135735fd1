/// What one ``EventStore/prune(now:)`` call removed.
///
/// `Sendable`: a value type of integers.
public struct PruneReport: Sendable, Hashable {
    /// De-duplication entries older than the window that were forgotten.
    public var deduplicationEntriesRemoved: Int
    /// Fully acknowledged events older than the retention period that were deleted.
    public var eventsRemoved: Int

    /// Creates a prune report.
    public init(deduplicationEntriesRemoved: Int, eventsRemoved: Int) {
        self.deduplicationEntriesRemoved = deduplicationEntriesRemoved
        self.eventsRemoved = eventsRemoved
    }
}
