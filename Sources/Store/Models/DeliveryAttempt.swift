import Foundation

/// One claim of a delivery and how it ended.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct DeliveryAttempt: Sendable, Hashable {
    /// The attempt number (1-based; restarts at 1 after a dead letter is replayed).
    public var attempt: Int
    /// The consumer that held the lease.
    public var consumer: ConsumerID
    /// When the delivery was claimed.
    public var startedAt: Date
    /// When the attempt ended; `nil` while it is in flight.
    public var endedAt: Date?
    /// How it ended; `nil` while it is in flight.
    public var outcome: AttemptOutcome?
    /// The failure reported, for `retry` and `dead` outcomes.
    public var failure: DeliveryFailure?

    /// Creates an attempt record (used by store implementations).
    public init(
        attempt: Int,
        consumer: ConsumerID,
        startedAt: Date,
        endedAt: Date?,
        outcome: AttemptOutcome?,
        failure: DeliveryFailure?
    ) {
        self.attempt = attempt
        self.consumer = consumer
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.failure = failure
    }
}

/// How a delivery attempt ended. The raw values are stable: they are stored and shown by tools.
public enum AttemptOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// The consumer acknowledged it.
    case acknowledged = "acked"
    /// The consumer rejected it with a retryable error.
    case retry
    /// It went to the dead letters.
    case dead
    /// The lease expired without an answer.
    case leaseExpired = "lease-expired"
    /// The consumer disconnected.
    case released
    /// The store was reopened (broker restart) while it was in flight.
    case restarted
}
