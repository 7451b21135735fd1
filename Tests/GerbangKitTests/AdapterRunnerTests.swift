import Envelope
import Foundation
import GerbangKit
import Logging
import Testing

/// What the test adapters saw. An actor: the adapters run on the runner's tasks.
actor Recorder {
    static let shared = Recorder()
    private(set) var handled: [String] = []
    private(set) var attempts: [String: [UInt32]] = [:]
    private(set) var receipts: [Receipt] = []
    private(set) var mappingErrors: [MappingError] = []

    func record(handled id: String) { handled.append(id) }
    func record(attempt: UInt32, of id: String) { attempts[id, default: []].append(attempt) }
    func record(receipt: Receipt) { receipts.append(receipt) }
    func record(mappingError: MappingError) { mappingErrors.append(mappingError) }
}

/// A producer: maps "certificate-number;nik" lines to death events and publishes them.
struct LineProducer: Adapter {
    struct Settings: Decodable, Sendable {
        let lines: [String]
    }

    static let descriptor = AdapterDescriptor(agency: "dukcapil", name: "lines", version: "1.0.0",
                                              produces: [DeathRegistered.eventType])
    let settings: Settings

    init(settings: Settings, context: AdapterContext) async throws {
        self.settings = settings
    }

    func events(from record: String) throws(MappingError) -> [OutgoingEvent] {
        let fields = record.split(separator: ";").map(String.init)
        guard fields.count == 2 else { throw MappingError("lines.field-count", "expected 2 fields, got \(fields.count)") }
        let death = DeathRegistered(
            deathCertificateNumber: fields[0], registeredOn: "2026-11-19", registrationRegencyCode: "33.74",
            deceased: Person(nik: fields[1], kk: "3374011501140021", fullName: "Siti Aminah", birthDate: "1958-07-05", sex: .female),
            dateOfDeath: "2026-11-17")
        do {
            return [try OutgoingEvent(death, id: "death-\(fields[0])", subject: fields[0])]
        } catch {
            throw MappingError("lines.encoding", error.description)
        }
    }

    func run(context: AdapterContext) async throws {
        for line in settings.lines {
            do {
                for event in try events(from: line) { await Recorder.shared.record(receipt: try await context.publish(event)) }
            } catch let error as MappingError {
                await Recorder.shared.record(mappingError: error)
            }
        }
    }
}

/// A consumer: records each death it receives and acknowledges it.
struct DeathConsumer: Adapter {
    static let descriptor = AdapterDescriptor(agency: "kemensos", name: "main", version: "1.0.0",
                                              consumes: [DeathRegistered.eventType])

    init(settings: NoSettings, context: AdapterContext) async throws {}

    /// Thrown for the first attempt of certificate …0154: the runner asks for a retry.
    struct Transient: Error {}

    func handle(_ delivery: Delivery, context: AdapterContext) async throws -> DeliveryOutcome {
        let death = try delivery.decode(DeathRegistered.self)
        let certificate = death.deathCertificateNumber
        await Recorder.shared.record(attempt: delivery.attempt, of: certificate)
        if certificate.hasSuffix("0154") && delivery.attempt == 1 { throw Transient() }
        if certificate.hasSuffix("0155") { throw MappingError("test.unknown-person", field: "deceased.nik", "not registered") }
        await Recorder.shared.record(handled: certificate)
        return .ack
    }
}

@Suite("Adapter protocol and runner against a real gerbangd", .serialized)
struct AdapterRunnerTests {
    @Test("a producer maps records and publishes; a consumer's outcomes become ACK, retry (thrown error) and reject (MappingError)")
    func producerAndConsumer() async throws {
        let broker = try TestBroker()
        let folder = broker.directory
        func write(_ name: String, agency: String, adapter: String, settings: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try """
                gerbang:
                  endpoint: \(broker.endpoint)
                  agency: \(agency)
                  adapter: \(adapter)
                  data-directory: \(broker.dataDirectory.path)
                \(settings)
                """.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let producerFile = try write("lines.yaml", agency: "dukcapil", adapter: "lines", settings: """
            settings:
              lines: ["3374-KM-19112026-0153;3374014507580002", "broken line", "3374-KM-19112026-0154;3374014507580002",
                      "3374-KM-19112026-0155;3374014507580002"]
            metrics:
              file: \(folder.appendingPathComponent("metrics/lines.prom").path)
              interval-ms: 100
            """)
        let consumerFile = try write("main.yaml", agency: "kemensos", adapter: "main", settings: "")
        var logger = Logger(label: "test")
        logger.logLevel = .warning

        let consumer = Task {
            try await AdapterRunner<DeathConsumer>(configurationPath: consumerFile, logger: logger).run {
                let deadline = ContinuousClock.now + .seconds(20)
                while ContinuousClock.now < deadline {
                    let recorder = Recorder.shared
                    if await recorder.handled.count >= 2, await recorder.attempts["3374-KM-19112026-0155"] != nil { break }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                try? await Task.sleep(for: .milliseconds(400))   // a rejected delivery would be back by now
            }
        }
        try await AdapterRunner<LineProducer>(configurationPath: producerFile, logger: logger).run {
            try? await Task.sleep(for: .seconds(30))
        }
        try await consumer.value
        #expect(await Recorder.shared.receipts.count == 3)
        #expect(await Recorder.shared.mappingErrors.map(\.reason) == ["lines.field-count"])
        #expect(await Set(Recorder.shared.handled) == ["3374-KM-19112026-0153", "3374-KM-19112026-0154"])
        #expect(await Recorder.shared.attempts["3374-KM-19112026-0154"] == [1, 2])   // retried after the thrown error
        #expect(await Recorder.shared.attempts["3374-KM-19112026-0155"] == [1])      // rejected: never again
        let metrics = try String(contentsOf: folder.appendingPathComponent("metrics/lines.prom"), encoding: .utf8)
        #expect(metrics.contains("gerbang_adapter_published_total{adapter=\"lines\"} 3\n"))
    }

    @Test("an adapter file without the gerbang section, or with an unknown key, is refused")
    func badAdapterFile() throws {
        #expect(throws: GerbangClientError.self) {
            _ = try AdapterConfigurationFile<NoSettings>.load(yaml: "settings: {}\n")
        }
        #expect(throws: GerbangClientError.self) {
            _ = try AdapterConfigurationFile<NoSettings>.load(yaml: "gerbang: {agency: a, adapter: b}\nextra: 1\n")
        }
        #expect(throws: GerbangClientError.self) {
            _ = try AdapterConfigurationFile<NoSettings>.load(yaml: "gerbang: {agency: a, adapter: b}\nmetrics: {interval-ms: 5}\n")
        }
    }
}
