/// What the `example` adapter keeps of a canonical event in the agency's own terms. Replace
/// it with the agency's record (a database row, an API object). `Sendable` value.
public struct ExampleRecord: Sendable, Hashable {
    /// The canonical event's id (to de-duplicate redeliveries).
    public var eventID: String
    /// The canonical event's type.
    public var type: String
    /// The document or case the event is about (certificate, beneficiary, disbursement number).
    public var reference: String
    /// When it happened (the event's `time`).
    public var occurredAt: String?

    /// Creates a record.
    public init(eventID: String, type: String, reference: String, occurredAt: String?) {
        self.eventID = eventID
        self.type = type
        self.reference = reference
        self.occurredAt = occurredAt
    }
}
