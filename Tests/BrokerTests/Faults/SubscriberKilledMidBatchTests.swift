import Foundation
import GMP
import Testing
import ZeroMQ

extension Faults {
    /// A subscriber process (`python3`, pyzmq over CURVE, the GMP/1 reference codec) is killed
    /// with `kill -9` in the middle of a batch: it holds hundreds of deliveries unacknowledged
    /// (after acknowledging the first 100). The broker sees its connection close, ends the
    /// session and returns the held deliveries to ready: a new subscriber of the same adapter
    /// receives every one of them with attempt > 1, nothing is lost, and new events are
    /// accepted and delivered.
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct SubscriberKilledMidBatchTests {
        @Test func heldDeliveriesOfAKilledSubscriberReachItsSuccessor() async throws {
            try await IOThread.run {
                let broker = try BrokerProcess(routes: DiskFullTests.routes, heartbeat: "interval-ms: 10000")
                let ledger = try FaultLedger(broker: broker)
                let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let events = try ledger.makeEvents(800, prefix: "batch")
                #expect(try ledger.publish(events, with: publisher, batch: 200).isEmpty)
                let indexOfSequence = Dictionary(uniqueKeysWithValues: ledger.accepted.map { ($0.value, $0.key) })

                let doomed = try SubscriberProcess(broker: broker, agency: "kemensos", adapter: "main", credit: 500, acknowledgeFirst: 100)
                let inBatch = try FaultPolling.until(timeout: 60, heartbeat: [publisher]) { doomed.deliveries.count >= 600 }
                #expect(inBatch, "the subscriber process received its batch: \(doomed.output.suffix(300))")
                doomed.kill9()
                let seen = doomed.deliveries
                let held = Set(seen.filter { !$0.acknowledged }.compactMap { indexOfSequence[$0.sequence] })
                let acknowledged = Set(seen.filter(\.acknowledged).compactMap { indexOfSequence[$0.sequence] })
                print("subscriber killed mid-batch: \(seen.count) delivered to the process, \(acknowledged.count) acknowledged, "
                      + "\(held.count) held at the kill")
                #expect(held.count >= 400, "the kill came with hundreds of deliveries in flight")

                let successor = try TrackingConsumer(broker: broker, agency: "kemensos", adapter: "main", credit: 500, holdBack: 0)
                let after = try ledger.makeEvents(20, prefix: "after")
                try ledger.publishRetrying(after, with: publisher)
                let done = try FaultPolling.until(timeout: 60, heartbeat: [publisher, successor.client], step: {
                    try successor.drain { ledger.index(of: $0) }
                }) {
                    ledger.accepted.keys.allSatisfy { acknowledged.contains($0) || successor.attempts[$0] != nil }
                }
                let lost = ledger.accepted.keys.filter { !acknowledged.contains($0) && successor.attempts[$0] == nil }
                #expect(done && lost.isEmpty, "\(lost.count) accepted events neither acknowledged nor redelivered")
                let heldAttempts = held.compactMap { successor.attempts[$0]?.first }
                #expect(heldAttempts.count == held.count, "every held delivery comes back")
                #expect(heldAttempts.allSatisfy { $0 > 1 }, "a held delivery comes back with attempt > 1")
                #expect(after.allSatisfy { successor.attempts[$0] == [1] }, "new events are delivered (serving again)")
                #expect(successor.unexpected.isEmpty)
                let metrics = try FaultPolling.metrics(broker)
                #expect((FaultPolling.metric(metrics, "gerbang_sessions_ended_total{reason=\"session.disconnected\"}") ?? 0) >= 1,
                        "the broker saw the connection close")
                print("subscriber killed mid-batch: \(held.count) held deliveries redelivered with attempts "
                      + "\(Set(heldAttempts).sorted()); \(after.count) new events delivered")
                #expect(broker.terminate() == 0)
            }
        }
    }
}
