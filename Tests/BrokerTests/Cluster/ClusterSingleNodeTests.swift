import Audit
import Foundation
import GMP
import Testing
import ZeroMQ

extension Cluster {
    /// The cluster features on the one-node cluster that a SQLite broker is: its node id in the
    /// ready line, `gerbang status`/`queues` listing it alive with its leases, consumer ids that
    /// carry it, and the claim records that let the audit trail show each delivery's leases.
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct ClusterSingleNodeTests {
        @Test func aSQLiteBrokerIsAOneNodeClusterWithLeasesOnItsAuditTrail() async throws {
            try await IOThread.run {
                let broker = try BrokerProcess(extraConfiguration: """
                    node:
                      id: solo-1
                      heartbeat-interval-ms: 200
                      stale-after-ms: 1000
                    audit:
                      record-claims: true
                    """)
                let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let factory = try TestEventFactory(broker: broker)
                let verdicts = try publisher.publishCollectingVerdicts(try (1...20).map {
                    .init(tag: UInt64($0), event: try factory.signed(id: "solo-\($0)"))
                })
                #expect(verdicts.values.allSatisfy { $0 == "accepted" }, "\(verdicts)")

                // Five deliveries held (leases), the rest acknowledged.
                let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
                try subscriber.hello(agency: "kemensos")
                try subscriber.send(.credit(.init(credit: 5)))
                var held: [UInt64] = []
                for _ in 0..<5 {
                    guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                    held.append(deliver.deliveryID)
                }
                Thread.sleep(forTimeInterval: 0.6)
                let status = try OperatorCLI.run(broker, as: "vera", ["status", "-o", "json"])
                #expect(status.status == 0, "\(status.stderr)")
                let report = try OperatorCLI.json(status.stdout) as? [String: Any]
                #expect(report?["node"] as? String == "solo-1")
                let nodes = report?["nodes"] as? [[String: Any]] ?? []
                #expect(nodes.count == 1)
                #expect(nodes.first?["id"] as? String == "solo-1")
                #expect(nodes.first?["alive"] as? Bool == true)
                #expect(nodes.first?["answering"] as? Bool == true)
                #expect(nodes.first?["leases"] as? Int == 5, "\(nodes)")
                let queues = try OperatorCLI.run(broker, as: "vera", ["queues"])
                #expect(queues.stdout.contains("solo-1"), "\(queues.stdout)")
                #expect(queues.stdout.contains("1 registered, 1 alive"), "\(queues.stdout)")

                for id in held { try subscriber.send(.ack(.init(deliveryID: id))) }
                try subscriber.send(.credit(.init(credit: 100)))
                var acknowledged = held.count
                while acknowledged < 20 {
                    guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                    try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
                    acknowledged += 1
                }
                Thread.sleep(forTimeInterval: 0.5)
                #expect(broker.terminate() == 0)

                let source = try SQLiteAuditSource(path: broker.dataDirectory.appendingPathComponent("gerbang.sqlite").path)
                let timeline = DeliveryLeaseTimeline(try source.allEntries())
                #expect(timeline.malformedRecords == 0)
                #expect(Set(timeline.leases.map(\.delivery)).count == 20, "\(timeline.leases.count) leases")
                #expect(timeline.leases.allSatisfy { $0.node == "solo-1" && $0.consumer.hasPrefix("solo-1/") })
                #expect(timeline.leases.allSatisfy { $0.ending == "acknowledged" }, "\(timeline.leases.map(\.ending))")
                #expect(timeline.overlapsAcrossNodes().isEmpty)
                #expect(timeline.repeatedAttempts().isEmpty)
            }
        }

        @Test func anInvalidNodeIDIsRefusedAtStart() throws {
            #expect(throws: (any Error).self) {
                _ = try BrokerProcess(extraConfiguration: """
                    node:
                      id: "node one/with a slash"
                    """)
            }
        }
    }
}
