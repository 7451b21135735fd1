import Foundation

/// An accepted event as stored.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct StoredEvent: Sendable, Hashable {
    /// The acceptance sequence number.
    public var sequence: EventSequence
    /// The event's `source` attribute.
    public var source: String
    /// The event's `id` attribute.
    public var id: String
    /// The event's `type` attribute.
    public var type: String
    /// The event's `subject` attribute, if any.
    public var subject: String?
    /// The event's `partitionkey` attribute, if any.
    public var partitionKey: String?
    /// The event's `time` attribute exactly as published, if any.
    public var time: String?
    /// The exact bytes of the event as published.
    public var body: [UInt8]
    /// When the broker accepted the event (millisecond precision).
    public var acceptedAt: Date

    /// Creates a stored event (used by store implementations).
    public init(
        sequence: EventSequence,
        source: String,
        id: String,
        type: String,
        subject: String?,
        partitionKey: String?,
        time: String?,
        body: [UInt8],
        acceptedAt: Date
    ) {
        self.sequence = sequence
        self.source = source
        self.id = id
        self.type = type
        self.subject = subject
        self.partitionKey = partitionKey
        self.time = time
        self.body = body
        self.acceptedAt = acceptedAt
    }
}
