import Foundation
import GRDB
import Store
import Testing

@testable import SQLiteStore

@Suite("SQLiteStore: schema upgrade")
struct SchemaUpgradeTests {
    private let consumer: ConsumerID = "peer-1"

    @Test("v6 reads every attempt history of a v5 file the same: in flight, acknowledged, ended")
    func upgradeFromVersion5() async throws {
        let directory = try TemporaryDirectory(prefix: "store-upgrade")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("gerbang.sqlite").path
        let t0 = TestEvents.t0
        let milliseconds: @Sendable (TimeInterval) -> Int64 = { offset in Timestamp.milliseconds(t0.addingTimeInterval(offset)) }

        // A file as the v5 schema wrote it: an attempt row for every claim, ended on answers.
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v5: cluster nodes")
        try await queue.write { database in
            try database.execute(sql: """
                INSERT INTO event (seq, source, event_id, type, accepted_at, body)
                VALUES (1, 'dukcapil', 'upgrade-1', 'population.death.registered', ?, x'7b7d')
                """, arguments: [milliseconds(-20)])
            try database.execute(sql: """
                INSERT INTO delivery (id, seq, subscription, state, attempt, consumer, lease_deadline, retry_at,
                                      last_error_reason, updated_at)
                VALUES (1, 1, 'a/in-flight', 'inflight', 2, 'peer-1', ?, NULL, 'consumer.unavailable', ?),
                       (2, 1, 'b/acknowledged', 'acked', 1, NULL, NULL, NULL, NULL, ?),
                       (3, 1, 'c/waiting', 'waiting', 1, NULL, NULL, ?, 'consumer.busy', ?)
                """, arguments: [milliseconds(30), milliseconds(0), milliseconds(1), milliseconds(60), milliseconds(2)])
            try database.execute(sql: """
                INSERT INTO delivery_attempt (delivery_id, attempt, consumer, started_at, ended_at, outcome, error_reason)
                VALUES (1, 1, 'peer-1', ?, ?, 'retry', 'consumer.unavailable'),
                       (1, 2, 'peer-1', ?, NULL, NULL, NULL),
                       (2, 1, 'peer-2', ?, ?, 'acked', NULL),
                       (3, 1, 'peer-3', ?, ?, 'retry', 'consumer.busy')
                """, arguments: [milliseconds(-10), milliseconds(-5), milliseconds(0), milliseconds(0), milliseconds(1),
                                 milliseconds(0), milliseconds(2)])
        }
        try queue.close()

        var configuration = SQLiteStoreConfiguration(path: path)
        configuration.inFlightOnOpen = .keepUntilDeadline
        let store = try await SQLiteStore.open(configuration: configuration, logger: .quietTestLogger)
        let record = try #require(try await store.event(sequence: EventSequence(1)))
        let bySubscription = Dictionary(uniqueKeysWithValues: record.deliveries.map { ($0.subscription.rawValue, $0) })

        let inFlight = try #require(bySubscription["a/in-flight"])
        #expect(inFlight.state == .inFlight && inFlight.consumer == consumer && inFlight.attempt == 2)
        #expect(inFlight.attempts == [
            DeliveryAttempt(attempt: 1, consumer: consumer, startedAt: t0.addingTimeInterval(-10),
                            endedAt: t0.addingTimeInterval(-5), outcome: .retry,
                            failure: DeliveryFailure(reason: "consumer.unavailable")),
            DeliveryAttempt(attempt: 2, consumer: consumer, startedAt: t0, endedAt: nil, outcome: nil, failure: nil),
        ])
        let acknowledged = try #require(bySubscription["b/acknowledged"])
        #expect(acknowledged.consumer == nil)
        #expect(acknowledged.attempts == [
            DeliveryAttempt(attempt: 1, consumer: "peer-2", startedAt: t0, endedAt: t0.addingTimeInterval(1),
                            outcome: .acknowledged, failure: nil),
        ])
        let waiting = try #require(bySubscription["c/waiting"])
        #expect(waiting.attempts.map(\.outcome) == [.retry])
        #expect(waiting.attempts.map(\.consumer) == ["peer-3"])

        // The attempt carried over from v5 ends like any other.
        #expect(try await store.acknowledge(DeliveryID(1), by: consumer, now: t0.addingTimeInterval(3)) == .applied)
        let settled = try #require(try await store.event(sequence: EventSequence(1))?.deliveries.first { $0.id == DeliveryID(1) })
        #expect(settled.attempts.map(\.outcome) == [.retry, .acknowledged])
        #expect(settled.attempts.last?.endedAt == t0.addingTimeInterval(3))
        await store.close()

        let reopened = try DatabaseQueue(path: path)
        let indexes = try await reopened.read { database in
            try String.fetchAll(database, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        #expect(!indexes.contains("delivery_by_consumer") && !indexes.contains("delivery_attempt_open"))
        #expect(Set(["delivery_by_queue", "delivery_blocking_partition", "delivery_by_lease", "delivery_by_retry",
                     "delivery_by_death"]).isSubset(of: indexes))
        // The state check no longer makes SQLite build a temporary b-tree at every write.
        let opcodes = try await reopened.read { database in
            try Row.fetchAll(database, sql: """
                EXPLAIN INSERT INTO delivery (seq, subscription, state, attempt, updated_at) VALUES (1, 'x', 'ready', 0, 0)
                """).map { $0["opcode"] as String }
        }
        #expect(!opcodes.isEmpty)
        #expect(!opcodes.contains("OpenEphemeral"))
        try reopened.close()
    }
}
