import Foundation
import GerbangKit
import Testing
import ZeroMQ

@Suite("GerbangClient.Configuration from YAML")
struct ConfigurationTests {
    /// A folder laid out like a gerbangd --dev data directory, with a CURVE key and a broker key
    /// (the signing files are not needed for the refusals tested here).
    static func dataDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kit-config-\(UUID().uuidString)")
        let curve = directory.appendingPathComponent("curve/agencies")
        try FileManager.default.createDirectory(at: curve, withIntermediateDirectories: true)
        try (CurveKeyPair.generate().publicKey.z85 + "\n").write(to: directory.appendingPathComponent("curve/broker.pub"), atomically: true, encoding: .utf8)
        try (CurveKeyPair.generate().secretKey.z85 + "\n").write(to: curve.appendingPathComponent("dukcapil.key"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test("unknown keys are refused with the key's name")
    func unknownKey() throws {
        #expect(throws: GerbangClientError.self) {
            _ = try GerbangClient.Configuration.load(yaml: "agency: dukcapil\nadapter: x\nconcurency: 3\n")
        }
        do {
            _ = try GerbangClient.Configuration.load(yaml: "agency: dukcapil\nadapter: x\nconcurency: 3\n")
        } catch {
            #expect(error.reason == .configuration)
            #expect(error.message.contains("concurency"))
        }
    }

    @Test("missing signing files are a configuration error naming the file")
    func missingSigningFiles() throws {
        let directory = try Self.dataDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try GerbangClient.Configuration.load(yaml: "agency: dukcapil\nadapter: x\ndata-directory: \(directory.path)\n")
            Issue.record("loaded without signing files")
        } catch {
            #expect(error.reason == .configuration)
            #expect(error.message.contains("dukcapil.key.pem"))
        }
    }

    @Test("a full configuration from a real dev data directory: defaults and overrides")
    func fullConfiguration() async throws {
        let broker = try TestBroker()
        let yaml = """
            endpoint: \(broker.endpoint)
            agency: dukcapil
            adapter: csv-inbox
            data-directory: \(broker.dataDirectory.path)
            concurrency: 7
            reconnect: {initial-ms: 20, max-ms: 300}
            publish-timeout-ms: 1500
            max-queued-publishes: 50
            outbox: outbox/dukcapil.sqlite
            """
        let configuration = try GerbangClient.Configuration.load(yaml: yaml, baseDirectory: "/tmp/kit-base")
        #expect(configuration.concurrency == 7)
        #expect(configuration.reconnectBackoff == ReconnectBackoff(initial: .milliseconds(20), maximum: .milliseconds(300)))
        #expect(configuration.publishTimeout == .milliseconds(1500))
        #expect(configuration.outboxPath == "/tmp/kit-base/outbox/dukcapil.sqlite")
        #expect(configuration.eventSource == "urn:gerbang:agency:dukcapil:csv-inbox")
        #expect(configuration.signer?.chain?.isEmpty == false)
        #expect(configuration.brokerPublicKey.z85 == broker.publicKey)
        #expect(configuration.connectTimeout == .seconds(10))
        #expect(configuration.maxUnansweredPublishes == 1_000)
        #expect(configuration.maxQueuedPublishes == 50)
        #expect(configuration.closeTimeout == .seconds(5))
    }

    @Test("backoff doubles from the initial delay up to the maximum, with jitter in [d/2, d]")
    func backoff() {
        let backoff = ReconnectBackoff(initial: .milliseconds(100), maximum: .seconds(1))
        for attempt in 0..<8 {
            let delay = backoff.delay(forAttempt: attempt)
            let ceiling = min(Duration.milliseconds(100) * (1 << attempt), .seconds(1))
            #expect(delay <= ceiling && delay >= ceiling / 2)
        }
    }
}
