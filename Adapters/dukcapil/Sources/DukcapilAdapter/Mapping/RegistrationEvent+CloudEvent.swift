import Envelope
import Foundation
import GerbangJSON

extension RegistrationEvent {
    /// The unsigned CloudEvent: `id` and `subject` the document number, the kind's `type` and
    /// `dataschema`, `time` the moment of publishing, `source` the adapter's source URN.
    public func cloudEvent(source: String, time: Date = Date()) throws(EnvelopeError) -> CloudEvent {
        try CloudEvent(
            id: id,
            source: source,
            type: kind.eventType,
            subject: subject,
            time: Self.timestamp(time),
            datacontenttype: "application/json",
            dataschema: kind.dataschema,
            data: .object(data)
        )
    }

    /// RFC 3339 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
