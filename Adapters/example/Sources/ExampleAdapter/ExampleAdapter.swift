import Envelope
import GerbangKit

/// The `example` adapter of `kemensos`: applies the events it consumes to the agency's
/// system and publishes the events the agency's records stand for.
///
/// Scaffolded by `gerbang adapter new example`; see docs/writing-an-adapter.md for the
/// next steps (mapping your records, routes, running it).
public struct ExampleAdapter: Adapter {
    /// The `settings:` section of `Config/adapters/example.yaml`.
    public struct Settings: Decodable, Sendable {
        /// Log each applied record at `info` (without personal data). Default false.
        public var verbose: Bool?
    }

    public static let descriptor = AdapterDescriptor(
        agency: "kemensos", name: "example", version: "0.1.0",
        consumes: [DeathRegistered.eventType, AddressChanged.eventType],
        produces: [])

    let settings: Settings

    public init(settings: Settings, context: AdapterContext) async throws {
        self.settings = settings
    }

    /// Native → canonical: the events one of the agency's records stands for. Build them
    /// with `OutgoingEvent(model, id: <stable id from the record>, subject: ...)` and
    /// publish them from `run(context:)` with `context.publish(_:)`.
    public func events(from record: ExampleRecord) throws(MappingError) -> [OutgoingEvent] {
        []
    }

    /// Canonical → native: applies one delivered event to the agency's system.
    public func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
        let record = try Self.record(from: delivery.event)
        // Apply `record` to the agency's system here. Throw a MappingError for an event
        // that can never be applied (it goes to the dead letters); any other error asks
        // the broker to deliver it again later.
        if settings.verbose == true {
            context.logger.info("applied", metadata: ["type": "\(record.type)", "reference": "\(record.reference)"])
        }
        return .ack
    }

    /// The native record of a delivered event.
    public static func record(from event: CloudEvent) throws(MappingError) -> ExampleRecord {
        switch event.type {
        case DeathRegistered.eventType:
            let data = try decode(DeathRegistered.self, from: event)
            return ExampleRecord(eventID: event.id, type: event.type, reference: data.deathCertificateNumber, occurredAt: event.time)
        case AddressChanged.eventType:
            let data = try decode(AddressChanged.self, from: event)
            return ExampleRecord(eventID: event.id, type: event.type, reference: data.movingCertificateNumber, occurredAt: event.time)
        default:
            throw MappingError("example.unexpected-type", field: "type", "\(event.type) is not consumed by example")
        }
    }

    private static func decode<Data: CanonicalEventData>(_ type: Data.Type, from event: CloudEvent) throws(MappingError) -> Data {
        do {
            return try Data(event: event)
        } catch {
            throw MappingError("example.invalid-data", field: "data", error.description)
        }
    }
}
