import Envelope
import Foundation

extension CloudEvent {
    /// A canonical event carrying `data`: `type`, `dataschema` and `datacontenttype` from the
    /// model, `time` in RFC 3339 (UTC).
    public init<Data: CanonicalEventData>(
        canonical data: Data, source: String, id: String = UUID().uuidString.lowercased(),
        subject: String? = nil, partitionKey: String? = nil, time: Date = Date(),
        correlationID: String? = nil, causationID: String? = nil
    ) throws(GerbangClientError) {
        let value = try data.jsonValue()
        do {
            try self.init(
                id: id, source: source, type: Data.eventType, subject: subject,
                time: time.formatted(.iso8601), datacontenttype: "application/json",
                dataschema: Data.dataSchema, partitionkey: partitionKey, correlationid: correlationID,
                causationid: causationID, data: value)
        } catch {
            throw GerbangClientError(.signing, "cannot build the \(Data.eventType) event: \(error.description)")
        }
    }
}
