/// What happened to an event, as a tail line reports it. The raw values are stable (filters,
/// JSON output).
///
/// `Sendable`: an enum.
public enum TailStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stored and confirmed to the publisher (also: replayed from the store's history).
    case accepted
    /// Refused, with its reason code.
    case rejected
    /// Sent to a subscriber.
    case delivered
    /// Acknowledged by the subscriber.
    case acknowledged
    /// NACKed retryable; will be retried.
    case retried
    /// Moved to the dead letters.
    case deadLettered = "dead-lettered"
}
