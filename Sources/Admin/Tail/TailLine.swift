import Foundation

/// One observation of the broker: what happened to which event, never its payload.
///
/// The broker emits one per acceptance, rejection, delivery, acknowledgement, retry and dead
/// letter; the admin endpoint filters, masks and sends them to tails.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct TailLine: Sendable, Hashable, Codable {
    /// When it happened.
    public var time: Date
    /// What happened.
    public var status: TailStatus
    /// The event's `type` (empty when a rejected event had none readable).
    public var type: String
    /// The publishing agency.
    public var source: String
    /// The subscription (delivery lines).
    public var subscription: String?
    /// The receiving `agency/adapter` (delivery lines).
    public var subscriber: String?
    /// The event's `subject`.
    public var subject: String?
    /// The acceptance sequence number.
    public var sequence: Int64?
    /// The event's `id`.
    public var eventID: String?
    /// The delivery attempt (delivery lines).
    public var attempt: Int?
    /// The delivery id (delivery lines).
    public var deliveryID: Int64?
    /// The reason code (rejected, retried, dead-lettered).
    public var reason: String?
    /// Whether an accepted event was a duplicate.
    public var duplicate: Bool?

    /// Creates a line.
    public init(time: Date, status: TailStatus, type: String, source: String, subscription: String? = nil,
                subscriber: String? = nil, subject: String? = nil, sequence: Int64? = nil, eventID: String? = nil,
                attempt: Int? = nil, deliveryID: Int64? = nil, reason: String? = nil, duplicate: Bool? = nil) {
        self.time = time
        self.status = status
        self.type = type
        self.source = source
        self.subscription = subscription
        self.subscriber = subscriber
        self.subject = subject
        self.sequence = sequence
        self.eventID = eventID
        self.attempt = attempt
        self.deliveryID = deliveryID
        self.reason = reason
        self.duplicate = duplicate
    }

    /// The value of an attribute by its filter name (`type`, `source`, `subscription`,
    /// `subscriber`, `subject`, `status`, `sequence`, `id`, `attempt`, `reason`), or nil when
    /// the line has none.
    public func attribute(_ name: String) -> String? {
        switch name {
        case "type": type
        case "source": source
        case "subscription": subscription
        case "subscriber": subscriber
        case "subject": subject
        case "status": status.rawValue
        case "sequence": sequence.map { String($0) }
        case "id": eventID
        case "attempt": attempt.map { String($0) }
        case "reason": reason
        case "delivery": deliveryID.map { String($0) }
        default: nil
        }
    }

    /// The attribute names ``attribute(_:)`` knows.
    public static let attributeNames = ["type", "source", "subscription", "subscriber", "subject", "status", "sequence", "id",
                                        "attempt", "reason", "delivery"]
}
