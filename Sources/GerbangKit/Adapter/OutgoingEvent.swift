import Envelope
import Foundation
import GerbangJSON

/// A canonical event an adapter wants to publish, before it has a `source` and a signature:
/// typed data plus the attributes that identify it. `Sendable` value.
///
/// Give it a stable ``id`` derived from the native record (e.g. the certificate number): a record
/// processed twice then yields the same event, which the broker de-duplicates.
public struct OutgoingEvent: Sendable, Hashable {
    /// The event type.
    public let type: String
    /// The `dataschema` URI.
    public let dataSchema: String
    /// The `data`.
    public let data: JSONValue
    /// The event id.
    public var id: String
    /// What the event is about.
    public var subject: String?
    /// Events with the same key are delivered in order where a route asks for it.
    public var partitionKey: String?
    /// When it happened.
    public var time: Date
    /// Correlation and causation ids (e.g. the id of the event this one answers).
    public var correlationID: String?
    /// The id of the event that caused this one.
    public var causationID: String?

    /// An event carrying `data`.
    public init<Data: CanonicalEventData>(
        _ data: Data, id: String = UUID().uuidString.lowercased(), subject: String? = nil,
        partitionKey: String? = nil, time: Date = Date(), correlationID: String? = nil, causationID: String? = nil
    ) throws(GerbangClientError) {
        type = Data.eventType
        dataSchema = Data.dataSchema
        self.data = try data.jsonValue()
        self.id = id
        self.subject = subject
        self.partitionKey = partitionKey
        self.time = time
        self.correlationID = correlationID
        self.causationID = causationID
    }

    /// The unsigned CloudEvent with `source`.
    public func cloudEvent(source: String) throws(GerbangClientError) -> CloudEvent {
        do {
            return try CloudEvent(
                id: id, source: source, type: type, subject: subject, time: time.formatted(.iso8601),
                datacontenttype: "application/json", dataschema: dataSchema, partitionkey: partitionKey,
                correlationid: correlationID, causationid: causationID, data: data)
        } catch {
            throw GerbangClientError(.signing, "cannot build the \(type) event: \(error.description)")
        }
    }
}
