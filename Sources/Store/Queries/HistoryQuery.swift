import Foundation

/// Selects accepted events in acceptance order (`gerbang tail --since`, or from the start).
///
/// `Sendable`: a value type of `Sendable` fields.
public struct HistoryQuery: Sendable, Hashable {
    /// Only events after this sequence number (to page or follow); `nil` starts at the first.
    public var afterSequence: EventSequence?
    /// Only events accepted at or after this time.
    public var since: Date?
    /// At most this many events. Default 1,000.
    public var limit: Int

    /// Creates a history query; the default reads from the start.
    public init(afterSequence: EventSequence? = nil, since: Date? = nil, limit: Int = 1_000) {
        self.afterSequence = afterSequence
        self.since = since
        self.limit = limit
    }
}
