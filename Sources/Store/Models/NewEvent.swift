import Foundation

/// An event the broker has accepted and wants stored, with the subscriptions that receive it.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct NewEvent: Sendable, Hashable {
    /// The event's `source` attribute (with `id`, the de-duplication key).
    public var source: String
    /// The event's `id` attribute.
    public var id: String
    /// The event's `type` attribute.
    public var type: String
    /// The event's `subject` attribute, if any.
    public var subject: String?
    /// The event's `partitionkey` attribute, if any (used for per-partition ordering).
    public var partitionKey: String?
    /// The event's `time` attribute exactly as published, if any.
    public var time: String?
    /// The exact bytes of the event as published; delivered unchanged.
    public var body: [UInt8]
    /// When the broker accepted the event (also the start of its de-duplication window).
    public var acceptedAt: Date
    /// The subscriptions that receive the event, as computed by the broker's routes. Duplicates
    /// are ignored; an empty list stores the event without deliveries.
    public var subscriptions: [SubscriptionID]

    /// Creates an event to append.
    public init(
        source: String,
        id: String,
        type: String,
        subject: String? = nil,
        partitionKey: String? = nil,
        time: String? = nil,
        body: [UInt8],
        acceptedAt: Date,
        subscriptions: [SubscriptionID]
    ) {
        self.source = source
        self.id = id
        self.type = type
        self.subject = subject
        self.partitionKey = partitionKey
        self.time = time
        self.body = body
        self.acceptedAt = acceptedAt
        self.subscriptions = subscriptions
    }
}
