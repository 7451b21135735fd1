import Foundation
import GMP
import Testing
import ZeroMQ

/// `gerbang tail` against a running `gerbangd`: each filter shows the right lines, JSON lines
/// parse, personal data is masked by default, `--unmask` needs the admin role.
@Suite(.serialized) struct AdminTailTests {
    static let nik = "3374014507580002"

    /// One death event with a NIK as subject, one birth event, one tampered (rejected) event;
    /// the subscriber acknowledges both deliveries.
    static func publishScenario(_ broker: BrokerProcess) throws {
        let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
        try publisher.hello(agency: "dukcapil")
        let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
        try subscriber.hello(agency: "kemensos")
        try subscriber.send(.credit(.init(credit: 10)))
        let death = try TestEvents.signed(broker: broker) { $0.replacingOccurrences(of: "\"3374-KM-19112026-0153\",\n  \"time\"",
                                                                                    with: "\"\(nik)\",\n  \"time\"") }
        let birth = try TestEvents.signed(type: "population.birth.registered", broker: broker)
        let verdicts = try publisher.publishCollectingVerdicts([
            .init(tag: 1, event: death), .init(tag: 2, event: birth), .init(tag: 3, event: try TestEvents.tampered(broker: broker)),
        ])
        #expect(verdicts == [1: "accepted", 2: "accepted", 3: "signature.invalid"])
        for _ in 0..<2 {
            guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
            try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
        }
        usleep(300_000)
    }

    @Test func filtersMaskingAndJSONLines() async throws {
        try await IOThread.run {
            // Raw test adapters send no heartbeats: a long interval keeps their sessions through slow CLI runs.
            let broker = try BrokerProcess(heartbeat: "interval-ms: 10000")
            let tails: [String: OperatorCLI] = [
                "all": try OperatorCLI(broker, as: "vera", ["tail", "-o", "json", "--stop-after", "60s"]),
                "text": try OperatorCLI(broker, as: "vera", ["tail", "--stop-after", "60s"]),
                "deaths": try OperatorCLI(broker, as: "vera", ["tail", "-o", "json", "--type", "population.death.*"]),
                "rejected": try OperatorCLI(broker, as: "vera", ["tail", "-o", "json", "--status", "rejected"]),
                "subscriber": try OperatorCLI(broker, as: "vera", ["tail", "-o", "json", "--subscriber", "kemensos-population"]),
                "where": try OperatorCLI(broker, as: "vera", ["tail", "-o", "json", "--where",
                                                              "type~population.birth.* and status=accepted"]),
                "source": try OperatorCLI(broker, as: "vera", ["tail", "-o", "json", "--source", "kemensos"]),
                "unmasked": try OperatorCLI(broker, as: "ada", ["tail", "-o", "json", "--unmask"]),
            ]
            let refused = try OperatorCLI.run(broker, as: "vera", ["tail", "--unmask", "--stop-after", "5s"])
            #expect(refused.status == 3)
            #expect(refused.stderr.contains("admin.forbidden"))
            usleep(2_000_000)  // the tails connect and register
            try Self.publishScenario(broker)
            usleep(1_000_000)
            for tail in tails.values { tail.process.terminate() }
            func lines(_ name: String) throws -> [[String: Any]] {
                let tail = tails[name]!
                tail.process.waitUntilExit()
                return try OperatorCLI.jsonLines(tail.stdout)
            }
            let all = try lines("all")
            let statuses = all.compactMap { $0["status"] as? String }.sorted()
            #expect(statuses == ["accepted", "accepted", "acknowledged", "acknowledged", "delivered", "delivered", "rejected"],
                    "\(tails["all"]!.stdout)\n\(tails["all"]!.stderr)")
            #expect(!tails["all"]!.stdout.contains(Self.nik))
            #expect(all.contains { $0["subject"] as? String == "3374**********02" })
            #expect(!tails["text"]!.stdout.contains(Self.nik))
            #expect(tails["text"]!.stdout.split(separator: "\n").count == 7)
            #expect(tails["text"]!.stdout.split(separator: "\n").contains {
                $0.contains(" accepted      population.death.registered dukcapil #") && $0.hasSuffix(" 3374**********02")
            })

            let deaths = try lines("deaths")
            #expect(deaths.count == 4)
            #expect(deaths.allSatisfy { $0["type"] as? String == "population.death.registered" })
            let rejected = try lines("rejected")
            #expect(rejected.count == 1)
            #expect((rejected.first?["reason"] as? String)?.hasPrefix("signature.invalid") == true)
            let delivered = try lines("subscriber")
            #expect(delivered.count == 4)
            #expect(delivered.allSatisfy { $0["subscription"] as? String == "kemensos-population" })
            #expect(Set(delivered.compactMap { $0["status"] as? String }) == ["delivered", "acknowledged"])
            let births = try lines("where")
            #expect(births.count == 1)
            #expect(births.first?["type"] as? String == "population.birth.registered")
            #expect(try lines("source").isEmpty)
            #expect(tails["unmasked"]!.stdout.contains(Self.nik))
        }
    }
}
