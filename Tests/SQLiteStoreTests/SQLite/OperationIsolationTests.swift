import Audit
import Foundation
import GRDB
import Store
import Testing

@testable import SQLiteStore

@Suite("SQLiteStore: an operation that fails alone")
struct OperationIsolationTests {
    @Test("is rolled back alone; the rest of its batch commits, and the audit chain stays intact")
    func failingOperationIsRolledBackAlone() async throws {
        let directory = try TemporaryDirectory(prefix: "store-isolation")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("gerbang.sqlite").path
        // A long batch wait, so that the concurrent operations below share batches.
        let configuration = SQLiteStoreConfiguration(path: path, maxBatchWait: .milliseconds(50))
        let store = try await SQLiteStore.open(configuration: configuration, logger: .quietTestLogger)
        let before = await store.writeStatistics()

        let failures = try await withThrowingTaskGroup(of: StoreError?.self) { group in
            for index in 0..<40 {
                group.addTask { _ = try await store.appendNew(TestEvents.make(id: "kept-\(index)")); return nil }
                if index % 10 == 5 {
                    // Writes a row, then breaks a NOT NULL constraint: all of it must go.
                    group.addTask {
                        do {
                            try await store.write { database in
                                try database.execute(sql: """
                                    INSERT INTO event (source, event_id, type, accepted_at, body)
                                    VALUES ('dukcapil', 'half-\(index)', 'population.death.registered', 0, x'7b7d')
                                    """)
                                try database.execute(sql: """
                                    INSERT INTO event (source, event_id, type, accepted_at, body)
                                    VALUES ('dukcapil', 'broken-\(index)', 'population.death.registered', 0, NULL)
                                    """)
                            }
                            return nil
                        } catch let error as StoreError {
                            return error
                        }
                    }
                }
            }
            return try await group.reduce(into: [StoreError]()) { if let error = $1 { $0.append(error) } }
        }
        let after = await store.writeStatistics()
        #expect(failures.count == 4)
        let messages = failures.map(\.message)
        #expect(messages.allSatisfy { $0.contains("NOT NULL") }, "\(messages)")
        #expect(after.eventsAppended - before.eventsAppended == 40)
        #expect(after.transactions - before.transactions < 44, "the operations shared batches")
        let ids = try await store.read("ids") { database in
            try String.fetchAll(database, sql: "SELECT event_id FROM event ORDER BY seq")
        }
        #expect(Set(ids) == Set((0..<40).map { "kept-\($0)" }))
        await store.close()

        // Every accepted event has its record, in one unbroken chain.
        let report = try AuditVerifier(trust: nil).verify(try SQLiteAuditSource(path: path))
        #expect(report.finding == nil)
        #expect(report.recordsChecked == 40)
    }

    @Test("events appended together: one that breaks a constraint fails alone, the others are stored and audited")
    func batchAppendWithAFailingEvent() async throws {
        let directory = try TemporaryDirectory(prefix: "store-batch-isolation")
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("gerbang.sqlite").path
        let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: path), logger: .quietTestLogger)
        // A constraint the store does not know about: an event with this id cannot be inserted.
        try await store.write { database in
            try database.execute(sql: """
                CREATE TRIGGER refuse_poison BEFORE INSERT ON event WHEN NEW.event_id = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned event'); END
                """)
        }
        let ids = ["a", "b", "poison", "c", "a"]
        let results = await store.append(ids.map { TestEvents.make(id: $0) })
        let outcomes = results.map { try? $0.get() }
        #expect(outcomes[0]?.isDuplicate == false && outcomes[1]?.isDuplicate == false && outcomes[3]?.isDuplicate == false)
        #expect(outcomes[4] == outcomes[0].map { .duplicate(originalSequence: $0.sequence) })
        guard case .failure(let error) = results[2] else {
            Issue.record("the poisoned event was stored: \(results[2])")
            return
        }
        #expect(error.message.contains("poisoned event"), "\(error)")
        let stored = try await store.read("ids") { database in
            try String.fetchAll(database, sql: "SELECT event_id FROM event ORDER BY seq")
        }
        #expect(stored == ["a", "b", "c"])
        await store.close()

        let report = try AuditVerifier(trust: nil).verify(try SQLiteAuditSource(path: path))
        #expect(report.finding == nil)
        #expect(report.recordsChecked == 3)
    }
}
