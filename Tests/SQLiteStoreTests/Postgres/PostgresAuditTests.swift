import Audit
import Foundation
import PostgresNIO
import PostgresStore
import Store
import Testing

@Suite("PostgresStore: audit trail")
struct PostgresAuditTests {
    /// Verifies the chain through `PostgresAuditSource` (synchronous: off the cooperative pool).
    static func verify(_ url: String) async throws -> AuditVerificationReport {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try AuditVerifier(trust: nil).verify(try PostgresAuditSource(url: url))
                })
            }
        }
    }

    @Test("records chain across two stores; verify is clean; one changed byte names the first bad record")
    func tamperIsFound() async throws {
        let database = try PostgresTestDatabase()
        let lease = TestEvents.t0.addingTimeInterval(60)
        try await PostgresSharedDatabaseTests.withStores(2, on: database) { stores in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        _ = try await stores[index % 2].appendNew(
                            TestEvents.make(id: "a-\(index)", subscriptions: [TestEvents.subscriberA]))
                    }
                }
                try await group.waitForAll()
            }
            let claimed = try await stores[1].claim(subscription: TestEvents.subscriberA, consumer: "node-b/peer", limit: 10,
                                                    ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            _ = try await stores[1].acknowledge(claimed.map(\.id), by: "node-b/peer", now: TestEvents.t0)
            try await stores[0].recordAudit(.eventRejected(agency: "dukcapil", eventID: "x", reason: "event.invalid",
                                                           code: "schema.type", at: TestEvents.t0))
            _ = try await stores[0].record(AdminAction(operatorName: "ops", role: "admin", action: "dlq.replay",
                                                       arguments: "{}", requestedAt: TestEvents.t0, outcome: "done",
                                                       detail: "replayed 0 dead letters"))
            let head = try await stores[0].auditHead()
            #expect(head.recordCount == 43)
        }
        let clean = try await Self.verify(database.url)
        #expect(clean.finding == nil, "\(String(describing: clean.finding))")
        #expect(clean.recordsChecked == 43)
        #expect(clean.eventBodiesChecked == 40)

        try await database.withConnection { connection in
            try await connection.query("""
                UPDATE audit_record SET encoding = set_byte(encoding, 20, get_byte(encoding, 20) # 1) WHERE idx = 17
                """, logger: .quietTestLogger)
        }
        let broken = try await Self.verify(database.url)
        let finding = try #require(broken.finding)
        #expect(finding.index == 17)
        #expect(broken.recordsChecked < 43)
    }

    @Test("prune keeps the bodies of audited events; verify still checks them")
    func pruneKeepsAuditedBodies() async throws {
        let database = try PostgresTestDatabase()
        let lease = TestEvents.t0.addingTimeInterval(60)
        try await PostgresSharedDatabaseTests.withStores(1, on: database, {
            $0.deduplicationWindow = .seconds(60)
            $0.retention = .seconds(60)
        }) { stores in
            let store = stores[0]
            for index in 0..<5 {
                _ = try await store.appendNew(TestEvents.make(id: "old-\(index)", subscriptions: [TestEvents.subscriberA]))
            }
            let claimed = try await store.claim(subscription: TestEvents.subscriberA, consumer: "c", limit: 5,
                                                ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            _ = try await store.acknowledge(claimed.map(\.id), by: "c", now: TestEvents.t0)
            #expect(try await store.prune(now: TestEvents.t0.addingTimeInterval(120)).eventsRemoved == 5)
            #expect(try await store.history(HistoryQuery()).isEmpty)
        }
        let report = try await Self.verify(database.url)
        #expect(report.finding == nil, "\(String(describing: report.finding))")
        #expect(report.eventBodiesChecked == 5)
    }

    @Test("PostgresAuditSource on an unreachable server fails with audit.store")
    func unreachableSource() {
        let error = #expect(throws: AuditError.self) {
            try PostgresAuditSource(url: "postgres://gerbang@127.0.0.1:1/none?sslmode=disable")
        }
        #expect(error?.reason == .store)
        #expect(error?.message.contains("store.unavailable") == true)
    }
}
