import Foundation
import GMP
import Testing
import ZeroMQ

/// `gerbang status|adapters|routes|events show` against a running broker, as tables and JSON;
/// and the error when the broker cannot be reached.
@Suite(.serialized) struct AdminReportTests {
    @Test func statusAdaptersRoutesAndEventsShow() async throws {
        try await IOThread.run {
            // Raw test adapters send no heartbeats: a long interval keeps their sessions through slow CLI runs.
            let broker = try BrokerProcess(heartbeat: "interval-ms: 10000")
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try subscriber.send(.credit(.init(credit: 7)))
            let verdicts = try publisher.publishCollectingVerdicts([.init(tag: 1, event: try TestEvents.signed(broker: broker))])
            #expect(verdicts == [1: "accepted"])
            guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
            try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
            usleep(300_000)

            let status = try OperatorCLI.run(broker, as: "vera", ["status", "-o", "json"])
            #expect(status.status == 0, "\(status.stderr)")
            let report = try OperatorCLI.json(status.stdout) as? [String: Any] ?? [:]
            #expect((report["broker"] as? String)?.hasPrefix("gerbangd/") == true)
            #expect((report["totals"] as? [String: Int])?["accepted"] == 1)
            #expect(report["sessions"] as? Int == 2)
            #expect(try OperatorCLI.run(broker, as: "vera", ["status"]).stdout.hasPrefix("broker     gerbangd/"))

            let adapters = try OperatorCLI.json(try OperatorCLI.run(broker, as: "vera", ["adapters", "-o", "json"]).stdout)
                as? [[String: Any]] ?? []
            let kemensos = adapters.first { $0["agency"] as? String == "kemensos" }
            #expect(kemensos?["credit"] as? Int == 7)
            #expect(kemensos?["version"] as? String == "1.0.0")
            #expect(kemensos?["subscriptions"] as? [String] == ["kemensos-population"])
            let adapterTable = try OperatorCLI.run(broker, as: "vera", ["adapters"]).stdout
            #expect(adapterTable.contains("kemensos") && adapterTable.contains("dukcapil"))

            let routes = try OperatorCLI.run(broker, as: "vera", ["routes"])
            #expect(routes.status == 0, "\(routes.stderr)")
            #expect(routes.stdout.contains("kemensos-population"))
            #expect(routes.stdout.contains("bpjs-deaths"))
            let routesJSON = try OperatorCLI.json(try OperatorCLI.run(broker, as: "vera", ["routes", "show", "-o", "json"]).stdout)
                as? [String: Any] ?? [:]
            #expect((routesJSON["subscriptions"] as? [[String: Any]])?.count == 2)

            let event = try OperatorCLI.run(broker, as: "vera", ["events", "show", "1", "-o", "json"])
            #expect(event.status == 0, "\(event.stderr)")
            let shown = try OperatorCLI.json(event.stdout) as? [String: Any] ?? [:]
            #expect(shown["signature"] as? String == "valid")
            #expect(shown["signedBy"] as? String == "dukcapil")
            let deliveries = shown["deliveries"] as? [[String: Any]] ?? []
            #expect(Set(deliveries.compactMap { $0["subscription"] as? String }) == ["kemensos-population", "bpjs-deaths"])
            #expect(deliveries.first { $0["subscription"] as? String == "kemensos-population" }?["state"] as? String == "acked")
            let body = shown["body"] as? String ?? ""
            #expect(body.contains("\"S. A.\""))
            #expect(!body.contains("Siti Aminah"))
            #expect(!body.contains("3374014507580002"))
            let text = try OperatorCLI.run(broker, as: "ada", ["events", "show", "1", "--unmask"]).stdout
            #expect(text.contains("signature   valid (signed by dukcapil)"))
            #expect(text.contains("Siti Aminah"))
            let missing = try OperatorCLI.run(broker, as: "vera", ["events", "show", "999"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("admin.not-found"))
        }
    }

    @Test func anUnreachableBrokerIsNamedWithTheKeyUsed() async throws {
        try await IOThread.run {
            // Raw test adapters send no heartbeats: a long interval keeps their sessions through slow CLI runs.
            let broker = try BrokerProcess(heartbeat: "interval-ms: 10000")
            let cli = try OperatorCLI.run(broker, as: "vera", ["status", "--endpoint", "tcp://127.0.0.1:9", "--timeout", "300"])
            #expect(cli.status == 2)
            #expect(cli.stderr.contains("admin.unreachable"))
            #expect(cli.stderr.contains("tcp://127.0.0.1:9"))
            #expect(cli.stderr.contains("operators/vera.key"))
        }
    }
}
