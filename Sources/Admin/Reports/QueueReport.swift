/// `gerbang queues`: one subscription's queue.
///
/// `Sendable`: a value type.
public struct QueueReport: Sendable, Hashable, Codable {
    /// The subscription id.
    public var subscription: String
    /// The receiving `agency/adapter` (empty for a subscription no longer in the routes).
    public var subscriber: String
    /// Waiting to be claimed.
    public var ready: Int
    /// Claimed, not yet answered.
    public var inFlight: Int
    /// Waiting for their retry time.
    public var waiting: Int
    /// Dead letters.
    public var dead: Int
    /// Age of the oldest pending delivery, seconds (0 when none).
    public var oldestAgeSeconds: Double
    /// Deliveries sent per second over the broker's rate window.
    public var deliveryRate: Double

    /// Creates a report.
    public init(subscription: String, subscriber: String, ready: Int, inFlight: Int, waiting: Int, dead: Int,
                oldestAgeSeconds: Double, deliveryRate: Double) {
        self.subscription = subscription
        self.subscriber = subscriber
        self.ready = ready
        self.inFlight = inFlight
        self.waiting = waiting
        self.dead = dead
        self.oldestAgeSeconds = oldestAgeSeconds
        self.deliveryRate = deliveryRate
    }
}
