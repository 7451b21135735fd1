/// What one ``EventStore/prune(now:)`` call removed.
///
/// `Sendable`: a value type of integers.
public struct PruneReport: Sendable, Hashable {
    /// Fully acknowledged events older than the retention period that were deleted (with their
    /// deliveries and attempt histories).
    public var eventsRemoved: Int

    /// Creates a prune report.
    public init(eventsRemoved: Int) {
        self.eventsRemoved = eventsRemoved
    }
}
