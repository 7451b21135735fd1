import Foundation
import GMP
import Testing
import ZeroMQ

extension Faults {
    /// Another process holds an exclusive lock on the store's SQLite file for a few seconds: the
    /// broker's writes wait the configured busy timeout (`store.busy-timeout-ms`, here 300 ms)
    /// and then fail with `store.locked`; nothing is confirmed that was not stored (every publish
    /// in between is answered REJECTED `store.unavailable`), the failure is logged at error level
    /// and counted (`gerbang_store_write_failures_total{reason="store.locked"}`), and once the lock
    /// is released the broker accepts and delivers again, the refused events included.
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct LockedStoreTests {
        @Test func brokerRefusesWhileAnotherProcessLocksTheStoreAndRecovers() async throws {
            try await IOThread.run {
                let broker = try BrokerProcess(extraConfiguration: "store:\n  busy-timeout-ms: 300", routes: DiskFullTests.routes,
                                               heartbeat: "interval-ms: 10000")
                let ledger = try FaultLedger(broker: broker)
                let consumer = try TrackingConsumer(broker: broker, agency: "kemensos", adapter: "main", credit: 500, holdBack: 0)
                let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let drain = { try consumer.drain { ledger.index(of: $0) } }

                let before = try ledger.makeEvents(50, prefix: "before")
                #expect(try ledger.publish(before, with: publisher).isEmpty)

                // The lock.
                let holder = try LockHolder(database: broker.dataDirectory.appendingPathComponent("gerbang.sqlite"))
                let lockedAt = Date()
                let during = try ledger.makeEvents(10, prefix: "during")
                var refused: [Int] = []
                for index in during {
                    refused += try ledger.publish([index], with: publisher)
                    try drain()
                }
                print("locked store: \(refused.count) of \(during.count) refused in \(Int(Date().timeIntervalSince(lockedAt) * 1_000)) ms")
                #expect(refused.count == during.count, "nothing is confirmed while the store is locked")
                #expect(Set(ledger.rejections) == ["store.unavailable/store.locked"], "\(Set(ledger.rejections))")
                #expect(broker.process.isRunning)
                let metrics = try FaultPolling.metrics(broker)
                #expect((FaultPolling.metric(metrics, "gerbang_store_write_failures_total{reason=\"store.locked\"}") ?? 0) >= 1)
                #expect(FaultPolling.metric(metrics, "gerbang_store_writable") == 0)
                #expect(broker.log.contains("store batch failed") && broker.log.contains("store.locked"))

                // The lock goes; the adapter publishes its refused events again, and new ones.
                try holder.release()
                let after = try ledger.makeEvents(20, prefix: "after")
                let rounds = try ledger.publishRetrying(refused + after, with: publisher)
                #expect((refused + after).allSatisfy { ledger.accepted[$0] != nil }, "serving again after the lock is released")
                #expect(rounds <= 2, "accepted at the first publish after the release (or the next)")

                let allDelivered = try FaultPolling.until(timeout: 30, heartbeat: [publisher, consumer.client], step: drain) {
                    ledger.accepted.keys.allSatisfy { consumer.attempts[$0] != nil }
                }
                #expect(allDelivered, "every accepted event is delivered")
                #expect(consumer.unexpected.isEmpty)
                #expect(FaultPolling.metric(try FaultPolling.metrics(broker), "gerbang_store_writable") == 1)
                #expect(broker.log.contains("store writes recovered"))
                print("locked store: \(ledger.accepted.count) accepted, all delivered")
                #expect(broker.terminate() == 0)
            }
        }
    }
}
