import Foundation
import GMP
import Testing
import ZeroMQ

/// Dead letters through the CLI: a failing subscriber dead-letters events; a viewer may not
/// replay or purge (clear error, exit 3) while an operator can, every attempt is recorded;
/// after the replay the fixed subscriber gets everything and the queues are back to zero.
@Suite(.serialized) struct AdminDeadLetterTests {
    @Test func deadLetterRoundTripWithRoles() async throws {
        try await IOThread.run {
            // Raw test adapters send no heartbeats: a long interval keeps their sessions through slow CLI runs.
            let broker = try BrokerProcess(heartbeat: "interval-ms: 10000")
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let events = try (1...3).map { _ in try TestEvents.signed(broker: broker) }
            let verdicts = try publisher.publishCollectingVerdicts(events.enumerated().map { .init(tag: UInt64($0.offset), event: $0.element) })
            #expect(verdicts.values.allSatisfy { $0 == "accepted" })

            // The subscriber is broken: it rejects every event permanently.
            var subscriber: AdapterClient? = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber!.hello(agency: "kemensos")
            try subscriber!.send(.credit(.init(credit: 10)))
            for _ in 0..<3 {
                guard case .deliver(let deliver) = try subscriber!.receive() else { throw BrokerTestError("no DELIVER") }
                try subscriber!.send(.nack(.init(deliveryID: deliver.deliveryID, disposition: .permanent, reason: "consumer.rejected",
                                                 message: "mapping table missing")))
            }
            try subscriber!.send(.bye(.init(reason: .sessionClosed)))
            subscriber = nil
            let dead = try Self.waitForQueue(broker) { $0["dead"] as? Int == 3 }
            #expect(dead["ready"] as? Int == 0)

            let list = try OperatorCLI.run(broker, as: "vera", ["dlq", "list", "-o", "json", "--reason", "consumer.rejected"])
            #expect(list.status == 0, "\(list.stderr)")
            let letters = try OperatorCLI.json(list.stdout) as? [[String: Any]] ?? []
            #expect(letters.count == 3)
            let table = try OperatorCLI.run(broker, as: "vera", ["dlq", "list"])
            #expect(table.stdout.contains("consumer.rejected"))
            #expect(table.stdout.hasPrefix("ID"))

            // A viewer may neither replay nor purge.
            let viewerReplay = try OperatorCLI.run(broker, as: "vera", ["dlq", "replay", "--yes"])
            #expect(viewerReplay.status == 3)
            #expect(viewerReplay.stderr.contains("admin.forbidden"))
            #expect(viewerReplay.stderr.contains("operator or admin role"))
            let viewerPurge = try OperatorCLI.run(broker, as: "vera", ["dlq", "purge", "--yes"])
            #expect(viewerPurge.status == 3)
            #expect(try Self.waitForQueue(broker) { _ in true }["dead"] as? Int == 3)

            // An operator's replay shows a dry run first, then replays.
            let dryRun = try OperatorCLI.run(broker, as: "oscar", ["dlq", "replay", "--subscription", "kemensos-population"])
            #expect(dryRun.status == 0)
            #expect(dryRun.stdout.contains("dry run: would replay 3 dead letters"))
            #expect(try Self.waitForQueue(broker) { _ in true }["dead"] as? Int == 3)
            let replay = try OperatorCLI.run(broker, as: "oscar", ["dlq", "replay", "--subscription", "kemensos-population", "--yes"])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stdout.contains("replayed 3 dead letters"))

            // The fixed subscriber gets all three again, attempt reset to 1, and acknowledges them.
            let fixed = try AdapterClient(broker: broker, agency: "kemensos")
            try fixed.hello(agency: "kemensos")
            try fixed.send(.credit(.init(credit: 10)))
            var received: [[UInt8]] = []
            for _ in 0..<3 {
                guard case .deliver(let deliver) = try fixed.receive() else { throw BrokerTestError("no DELIVER after replay") }
                #expect(deliver.attempt == 1)
                received.append(deliver.event)
                try fixed.send(.ack(.init(deliveryID: deliver.deliveryID)))
            }
            #expect(Set(received) == Set(events))
            let empty = try Self.waitForQueue(broker) {
                $0["ready"] as? Int == 0 && $0["inFlight"] as? Int == 0 && $0["waiting"] as? Int == 0 && $0["dead"] as? Int == 0
            }
            #expect(empty["dead"] as? Int == 0)

            // Every state-changing request is recorded: who, what, outcome.
            let actions = try OperatorCLI.run(broker, as: "vera", ["actions", "-o", "json"])
            let records = try OperatorCLI.json(actions.stdout) as? [[String: Any]] ?? []
            let summary = records.map { "\($0["operatorName"] ?? "")|\($0["action"] ?? "")|\($0["outcome"] ?? "")" }
            #expect(summary == ["oscar|dlq.replay|done", "vera|dlq.purge|denied", "vera|dlq.replay|denied"])
            #expect((records.first?["detail"] as? String) == "replayed 3 dead letters")
            #expect((records.first?["arguments"] as? String)?.contains("kemensos-population") == true)
        }
    }

    /// Polls `gerbang queues -o json` (bounded) until the kemensos-population row satisfies `condition`.
    static func waitForQueue(_ broker: BrokerProcess, _ condition: ([String: Any]) -> Bool) throws -> [String: Any] {
        var last: [String: Any] = [:]
        for _ in 0..<100 {
            let queues = try OperatorCLI.run(broker, as: "vera", ["queues", "-o", "json"])
            let rows = try OperatorCLI.json(queues.stdout) as? [[String: Any]] ?? []
            last = rows.first { $0["subscription"] as? String == "kemensos-population" } ?? [:]
            if condition(last) { return last }
            usleep(100_000)
        }
        throw BrokerTestError("queue never reached the expected state: \(last)")
    }
}
