import Foundation

/// Selects dead letters for listing, replay or purge. Every criterion that is set must match;
/// an empty filter selects every dead letter (up to `limit`).
///
/// `Sendable`: a value type of `Sendable` fields.
public struct DeadLetterFilter: Sendable, Hashable {
    /// Only this subscription.
    public var subscription: SubscriptionID?
    /// Only event types matching this glob (`*` any run, `?` one character), e.g.
    /// `"population.*"`.
    public var typePattern: String?
    /// Only dead letters whose last failure has this reason code.
    public var reason: String?
    /// Only dead letters that died at or before this time (older than a given age).
    public var deadBefore: Date?
    /// Only dead letters that died at or after this time.
    public var deadSince: Date?
    /// Only these deliveries.
    public var deliveries: [DeliveryID]?
    /// At most this many dead letters (oldest first). Default 100.
    public var limit: Int

    /// Creates a filter; all criteria default to "any".
    public init(
        subscription: SubscriptionID? = nil,
        typePattern: String? = nil,
        reason: String? = nil,
        deadBefore: Date? = nil,
        deadSince: Date? = nil,
        deliveries: [DeliveryID]? = nil,
        limit: Int = 100
    ) {
        self.subscription = subscription
        self.typePattern = typePattern
        self.reason = reason
        self.deadBefore = deadBefore
        self.deadSince = deadSince
        self.deliveries = deliveries
        self.limit = limit
    }
}
