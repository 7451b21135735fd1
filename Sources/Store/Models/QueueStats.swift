import Foundation

/// Queue depth of one subscription.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct QueueStats: Sendable, Hashable {
    /// The subscription.
    public var subscription: SubscriptionID
    /// Deliveries waiting to be claimed.
    public var ready: Int
    /// Deliveries claimed and not yet answered.
    public var inFlight: Int
    /// Deliveries waiting for their retry time.
    public var waiting: Int
    /// Dead letters.
    public var dead: Int
    /// When the oldest pending (ready, in-flight or waiting) delivery's event was accepted.
    public var oldestPendingAcceptedAt: Date?
    /// Age of the oldest pending delivery at the time of the query, in seconds (0 when none).
    public var oldestPendingAge: TimeInterval

    /// Pending deliveries: ready, in flight and waiting.
    public var pending: Int { ready + inFlight + waiting }

    /// Creates queue statistics (used by store implementations).
    public init(
        subscription: SubscriptionID,
        ready: Int,
        inFlight: Int,
        waiting: Int,
        dead: Int,
        oldestPendingAcceptedAt: Date?,
        oldestPendingAge: TimeInterval
    ) {
        self.subscription = subscription
        self.ready = ready
        self.inFlight = inFlight
        self.waiting = waiting
        self.dead = dead
        self.oldestPendingAcceptedAt = oldestPendingAcceptedAt
        self.oldestPendingAge = oldestPendingAge
    }
}
