import Foundation

/// The full state of one delivery, for inspection.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct DeliveryRecord: Sendable, Hashable {
    /// The delivery's id.
    public var id: DeliveryID
    /// The subscription it belongs to.
    public var subscription: SubscriptionID
    /// Its current state.
    public var state: DeliveryState
    /// Claims since creation (or since the last replay).
    public var attempt: Int
    /// The consumer holding it, when in flight.
    public var consumer: ConsumerID?
    /// The lease deadline, when in flight.
    public var leaseDeadline: Date?
    /// When it becomes ready again, when waiting.
    public var retryAt: Date?
    /// The last failure reported, if any.
    public var lastFailure: DeliveryFailure?
    /// When it went to the dead letters, when dead.
    public var deadAt: Date?
    /// When its state last changed.
    public var updatedAt: Date
    /// Every attempt, oldest first.
    public var attempts: [DeliveryAttempt]

    /// Creates a delivery record (used by store implementations).
    public init(
        id: DeliveryID,
        subscription: SubscriptionID,
        state: DeliveryState,
        attempt: Int,
        consumer: ConsumerID?,
        leaseDeadline: Date?,
        retryAt: Date?,
        lastFailure: DeliveryFailure?,
        deadAt: Date?,
        updatedAt: Date,
        attempts: [DeliveryAttempt]
    ) {
        self.id = id
        self.subscription = subscription
        self.state = state
        self.attempt = attempt
        self.consumer = consumer
        self.leaseDeadline = leaseDeadline
        self.retryAt = retryAt
        self.lastFailure = lastFailure
        self.deadAt = deadAt
        self.updatedAt = updatedAt
        self.attempts = attempts
    }
}
