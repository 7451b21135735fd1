extension AdapterScaffold {
    private func swiftList(_ types: [String]) -> String {
        types.isEmpty ? "[]" : "[" + types.map { "\(Self.models[$0]!.model).eventType" }.joined(separator: ", ") + "]"
    }

    var adapterSource: String {
        let cases = consumes.map { type -> String in
            let (model, reference) = Self.models[type]!
            return """
                    case \(model).eventType:
                        let data = try decode(\(model).self, from: event)
                        return \(recordType)(eventID: event.id, type: event.type, reference: data.\(reference), occurredAt: event.time)
            """
        }.joined(separator: "\n")
        return """
            import Envelope
            import GerbangKit

            /// The `\(name)` adapter of `\(agency)`: applies the events it consumes to the agency's
            /// system and publishes the events the agency's records stand for.
            ///
            /// Scaffolded by `gerbang adapter new \(name)`; see docs/writing-an-adapter.md for the
            /// next steps (mapping your records, routes, running it).
            public struct \(libraryTarget): Adapter {
                /// The `settings:` section of `Config/adapters/\(name).yaml`.
                public struct Settings: Decodable, Sendable {
                    /// Log each applied record at `info` (without personal data). Default false.
                    public var verbose: Bool?
                }

                public static let descriptor = AdapterDescriptor(
                    agency: "\(agency)", name: "\(name)", version: "0.1.0",
                    consumes: \(swiftList(consumes)),
                    produces: \(swiftList(produces)))

                let settings: Settings

                public init(settings: Settings, context: AdapterContext) async throws {
                    self.settings = settings
                }

                /// Native → canonical: the events one of the agency's records stands for. Build them
                /// with `OutgoingEvent(model, id: <stable id from the record>, subject: ...)` and
                /// publish them from `run(context:)` with `context.publish(_:)`.
                public func events(from record: \(recordType)) throws(MappingError) -> [OutgoingEvent] {
                    []
                }

                /// Canonical → native: applies one delivered event to the agency's system.
                public func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
                    let record = try Self.record(from: delivery.event)
                    // Apply `record` to the agency's system here. Throw a MappingError for an event
                    // that can never be applied (it goes to the dead letters); any other error asks
                    // the broker to deliver it again later.
                    if settings.verbose == true {
                        context.logger.info("applied", metadata: ["type": "\\(record.type)", "reference": "\\(record.reference)"])
                    }
                    return .ack
                }

                /// The native record of a delivered event.
                public static func record(from event: CloudEvent) throws(MappingError) -> \(recordType) {
                    switch event.type {
            \(cases)
                    default:
                        throw MappingError("\(name).unexpected-type", field: "type", "\\(event.type) is not consumed by \(name)")
                    }
                }

                private static func decode<Data: CanonicalEventData>(_ type: Data.Type, from event: CloudEvent) throws(MappingError) -> Data {
                    do {
                        return try Data(event: event)
                    } catch {
                        throw MappingError("\(name).invalid-data", field: "data", error.description)
                    }
                }
            }

            """
    }

    var recordSource: String {
        """
        /// What the `\(name)` adapter keeps of a canonical event in the agency's own terms. Replace
        /// it with the agency's record (a database row, an API object). `Sendable` value.
        public struct \(recordType): Sendable, Hashable {
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

        """
    }

    var mainSource: String {
        """
        // The `\(name)` adapter executable: `swift run \(executableTarget) [--config Config/adapters/\(name).yaml] [--log-level info]`.
        import GerbangKit
        import Logging
        import \(libraryTarget)

        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        try await AdapterRunner<\(libraryTarget)>(arguments: CommandLine.arguments).run()

        """
    }

    var testSource: String {
        let checks = consumes.map { type in
            "    @Test func maps\(Self.models[type]!.model)() throws { try checkExample(\"\(type)\") }"
        }.joined(separator: "\n")
        return """
            import Envelope
            import Foundation
            import GerbangKit
            import Testing
            import \(libraryTarget)

            /// The `\(name)` adapter maps the catalogue's example of each type it consumes.
            @Suite struct \(testTarget) {
                static let root = URL(fileURLWithPath: #filePath)
                    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().deletingLastPathComponent()

                func checkExample(_ type: String) throws {
                    let url = Self.root.appendingPathComponent("Config/examples/\\(type).json")
                    let event = try CloudEvent(parsing: try String(contentsOf: url, encoding: .utf8))
                    let record = try \(libraryTarget).record(from: event)
                    #expect(record.type == type)
                    #expect(record.eventID == event.id)
                    #expect(!record.reference.isEmpty)
                    if let subject = event.subject { #expect(record.reference == subject) }
                }

                @Test func descriptorMatchesConfiguration() throws {
                    let text = try String(contentsOf: Self.root.appendingPathComponent("Config/adapters/\(name).yaml"), encoding: .utf8)
                    #expect(text.contains("agency: \\(\(libraryTarget).descriptor.agency)\\n"))
                    #expect(text.contains("adapter: \\(\(libraryTarget).descriptor.name)\\n"))
                }

            \(checks)
            }

            """
    }

    var configurationSource: String {
        """
        # The `\(name)` adapter of \(agency). Client settings: docs/writing-an-adapter.md.
        gerbang:
          endpoint: tcp://127.0.0.1:5560
          agency: \(agency)
          adapter: \(name)
          data-directory: data          # gerbangd --dev keys and PKI; or name the key files
          concurrency: 8
        settings:
          verbose: false

        """
    }
}
