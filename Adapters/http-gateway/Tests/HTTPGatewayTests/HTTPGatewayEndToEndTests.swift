#if canImport(Glibc)
import GerbangTesting
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Envelope
import Foundation
import GerbangJSON
import GerbangKit
@testable import HTTPGateway
import Testing
import Trust

/// Real processes: `gerbangd --dev` and `http-gateway` (BPJS Kesehatan), an HTTPS client with the
/// agency's development certificate, and a webhook receiver in the test.
@Suite(.serialized) struct HTTPGatewayEndToEndTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let routes = """
        version: 1
        defaults:
          retry: {max-attempts: 10, backoff-base: 20ms, backoff-factor: 2, backoff-cap: 300ms, visibility-timeout: 30s}
        publish:
          dukcapil: [population.**]
          bpjs-kesehatan: [health.insurance.membership.changed]
        subscriptions:
          - id: bpjs-kesehatan.kepesertaan
            agency: bpjs-kesehatan
            adapter: kepesertaan
            types: [population.death.registered]
        """

    init() { signal(SIGPIPE, SIG_IGN) }

    @Test(.timeLimit(.minutes(3)))
    func eventsInOverHTTPSAndOutToTheWebhookWithRetries() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-gateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = Self.repositoryRoot.path
        let data = directory.appendingPathComponent("data").path
        try Self.routes.write(to: directory.appendingPathComponent("routes.yaml"), atomically: true, encoding: .utf8)
        try """
            adapter-endpoint: tcp://127.0.0.1:*
            metrics-endpoint: 127.0.0.1:0
            data-directory: \(data)
            development-mode: true
            paths:
              agencies: \(root)/Config/agencies.yaml
              schemas: \(root)/Config/schemas
              routes: \(directory.path)/routes.yaml
            heartbeat:
              interval-ms: 1000
            delivery:
              tick-ms: 20
            """.write(to: directory.appendingPathComponent("gerbang.yaml"), atomically: true, encoding: .utf8)
        let broker = try ChildProcess("gerbangd", ["--config", directory.appendingPathComponent("gerbang.yaml").path], directory: directory)
        let endpoint = try #require(try broker.readyFields(prefix: "gerbangd ready")["endpoint"])

        // The webhook fails twice (503 with Retry-After: 1), then takes the event.
        let webhook = try WebhookReceiver(statuses: [503, 503, 200])
        defer { webhook.stop() }
        try """
            gerbang:
              agency: bpjs-kesehatan
              adapter: kepesertaan
              endpoint: \(endpoint)
              data-directory: \(data)
              concurrency: 4
            settings:
              listen-port: 0
              agencies: \(root)/Config/agencies.yaml
              webhook: http://127.0.0.1:\(webhook.port)/hooks/gerbang
              webhook-timeout-ms: 3000
            """.write(to: directory.appendingPathComponent("gateway.yaml"), atomically: true, encoding: .utf8)
        let gateway = try ChildProcess("http-gateway", ["--config", directory.appendingPathComponent("gateway.yaml").path], directory: directory)
        let address = try #require(try gateway.readyFields(prefix: "http-gateway ready")["address"])
        let port = try #require(address.split(separator: ":").last.flatMap { UInt16($0) })

        let pki = DevelopmentPKI(directory: URL(fileURLWithPath: data).appendingPathComponent("pki"))
        let anchors = try Certificate.load(contentsOf: pki.rootCertificateURL)
        func credentials(_ agency: String) throws -> ([Certificate], PrivateKey) {
            let files = pki.files(of: agency)
            return (try Certificate.load(contentsOf: files.certificate) + Certificate.load(contentsOf: files.chain),
                    try PrivateKey(pem: Array(Data(contentsOf: files.key))))
        }
        let (chain, key) = try credentials("bpjs-kesehatan")
        let client = try HTTPSTestClient(port: port, anchors: anchors, chain: chain, key: key)
        let example = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("Config/examples/health.insurance.membership.changed.json"),
                                 encoding: .utf8)
        func event(id: String, source: String = "urn:gerbang:agency:bpjs-kesehatan:vclaim", nik: String = "3374014507580002") -> String {
            example.replacingOccurrences(of: "5c8e2b71-d0f4-4a93-b7e5-6a1d9f3c0b84", with: id)
                .replacingOccurrences(of: "urn:gerbang:agency:bpjs-kesehatan:vclaim", with: source)
                .replacingOccurrences(of: "3374014507580002", with: nik)
        }

        // Structured mode: accepted with a receipt; the same event again is a duplicate.
        let accepted = try client.postStructured(event(id: "gw-structured-1"))
        #expect(accepted.status == 202, "\(String(decoding: accepted.body, as: UTF8.self)) \(gateway.log)")
        #expect(accepted.field("status") == "accepted")
        #expect(Int(accepted.field("sequence") ?? "") ?? 0 > 0)
        let again = try client.postStructured(event(id: "gw-structured-1"))
        #expect(again.status == 200)
        #expect(again.field("duplicate") == "1")

        // Binary mode: ce-* headers and the data as the body.
        let object = try #require(JSONParser.parse(Array(example.utf8)).objectValue)
        let dataText = String(decoding: try #require(object["data"]).serializedBytes(), as: UTF8.self)
        let binary = try client.post(Array(dataText.utf8), headers: [
            ("ce-specversion", "1.0"), ("ce-id", "gw-binary-1"), ("ce-source", "/agencies/bpjs-kesehatan/vclaim"),
            ("ce-type", "health.insurance.membership.changed"), ("ce-time", "2026-11-20T10:12:30+07:00"),
            ("ce-dataschema", "https://schemas.gerbang.go.id/health.insurance.membership.changed/1.0.0"),
            ("Content-Type", "application/json"),
        ])
        #expect(binary.status == 202, "\(String(decoding: binary.body, as: UTF8.self))")

        // A schema violation: 400 with the broker's reason and location.
        let invalid = try client.postStructured(event(id: "gw-invalid-1", nik: "12345"))
        #expect(invalid.status == 400)
        #expect(invalid.field("reason") == "schema.violation")
        #expect(invalid.field("location")?.contains("nik") == true, "\(String(decoding: invalid.body, as: UTF8.self))")

        // Another agency's source: 403.
        let wrongSource = try client.postStructured(event(id: "gw-wrong-1", source: "urn:gerbang:agency:dukcapil:siak"))
        #expect(wrongSource.status == 403)
        #expect(wrongSource.field("reason") == "gateway.source-mismatch")

        // A valid certificate of another agency: 403 (this gateway publishes for BPJS Kesehatan only).
        let (otherChain, otherKey) = try credentials("dukcapil")
        let otherAgency = try HTTPSTestClient(port: port, anchors: anchors, chain: otherChain, key: otherKey)
        let notServed = try otherAgency.postStructured(event(id: "gw-other-1"))
        #expect(notServed.status == 403)
        #expect(notServed.field("reason") == "gateway.agency-not-served")

        // No certificate, or one from another CA: refused in the handshake.
        let anonymous = try HTTPSTestClient(port: port, anchors: anchors)
        #expect(throws: (any Error).self) { try anonymous.postStructured(event(id: "gw-anon-1")) }
        let foreign = try TestPKI()
        let (foreignChain, foreignKey) = try foreign.credentials(of: "bpjs-kesehatan")
        let stranger = try HTTPSTestClient(port: port, anchors: anchors, chain: foreignChain, key: foreignKey)
        #expect(throws: (any Error).self) { try stranger.postStructured(event(id: "gw-foreign-1")) }

        // A death registered by Dukcapil reaches BPJS Kesehatan's webhook: 503, 503, then 200.
        var dukcapilConfiguration = try GerbangClient.Configuration.load(yaml: """
            endpoint: \(endpoint)
            agency: dukcapil
            adapter: siak
            data-directory: \(data)
            """)
        dukcapilConfiguration.connectTimeout = .seconds(10)
        let dukcapil = try GerbangClient(configuration: dukcapilConfiguration)
        let deathText = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("Config/examples/population.death.registered.json"),
                                   encoding: .utf8)
        var death = try CloudEvent(parsing: deathText)
        try death.setAttribute("id", to: .string("gw-death-1"))
        _ = try await dukcapil.publish(death)
        await dukcapil.close()

        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !webhook.received.contains(where: { $0.status == 200 }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        let deliveries = webhook.received
        #expect(deliveries.map(\.status) == [503, 503, 200], "\(gateway.log)")
        for delivery in deliveries {
            let delivered = try CloudEvent(parsing: delivery.body)
            #expect(delivered.id == "gw-death-1")
            #expect(delivered.signature != nil) // the broker's stored, signed event
        }
        #expect(gateway.terminate() == 0)
        #expect(broker.terminate() == 0)
    }
}
