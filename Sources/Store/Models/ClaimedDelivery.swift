import Foundation

/// A delivery handed to a consumer by a claim.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct ClaimedDelivery: Sendable, Hashable {
    /// The delivery to acknowledge or reject.
    public var id: DeliveryID
    /// The subscription it belongs to.
    public var subscription: SubscriptionID
    /// The attempt number of this claim (1 for the first delivery, more for a redelivery).
    public var attempt: Int
    /// When the lease ends; unacknowledged past it, the delivery becomes ready again.
    public var leaseDeadline: Date
    /// The event to deliver.
    public var event: StoredEvent

    /// Creates a claimed delivery (used by store implementations).
    public init(id: DeliveryID, subscription: SubscriptionID, attempt: Int, leaseDeadline: Date, event: StoredEvent) {
        self.id = id
        self.subscription = subscription
        self.attempt = attempt
        self.leaseDeadline = leaseDeadline
        self.event = event
    }
}
