import Envelope
import Foundation
import GerbangJSON

/// The typed `data` of one catalogue event type (`Config/schemas/<type>/<version>`). `Codable`
/// with the schema's member names; `Sendable` value types.
///
/// ```swift
/// let data = try delivery.decode(DeathRegistered.self)
/// try await client.publish(EligibilityRevoked(…), subject: …)
/// ```
public protocol CanonicalEventData: Codable, Sendable, Hashable {
    /// The event type, e.g. `population.death.registered`.
    static var eventType: String { get }
    /// The schema version the model follows, e.g. `1.0.0`.
    static var schemaVersion: String { get }
}

extension CanonicalEventData {
    /// The `dataschema` URI of the model's schema.
    public static var dataSchema: String { "https://schemas.gerbang.go.id/\(eventType)/\(schemaVersion)" }

    /// Decodes the `data` of `event`; the event's type must be ``eventType``.
    public init(event: CloudEvent) throws(GerbangClientError) {
        guard event.type == Self.eventType else {
            throw GerbangClientError(.invalidArgument, "the event is a \(event.type), not a \(Self.eventType)")
        }
        guard let data = event.data else {
            throw GerbangClientError(.invalidArgument, "the \(event.type) event has no JSON data")
        }
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(data.serializedBytes()))
        } catch {
            throw GerbangClientError(.invalidArgument, "the data of the \(event.type) event does not fit \(Self.self): \(error)")
        }
    }

    /// The model as a JSON value (the event's `data`).
    public func jsonValue() throws(GerbangClientError) -> JSONValue {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try JSONParser.parse(Array(try encoder.encode(self)))
        } catch {
            throw GerbangClientError(.signing, "cannot encode \(Self.self): \(error)")
        }
    }
}
