import Audit
@testable import Broker
import Foundation
import GerbangTesting
import Logging
import PostgresStore
import Store
import Testing

/// Audit retention on the PostgreSQL store: the same archive, verification, deletion and anchor
/// as on SQLite (`AuditRetentionTests`), reading the trail through `PostgresAuditSource`.
@Suite("Audit retention on PostgreSQL")
struct AuditRetentionPostgresTests {
    /// Verifies the PostgreSQL trail with signatures, off the cooperative pool (the source waits).
    static func verify(_ url: String, trust: AuditTrustMaterial) async throws -> AuditVerificationReport {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try AuditVerifier(trust: trust).verify(try PostgresAuditSource(url: url)) })
            }
        }
    }

    @Test("old records are archived, verified, deleted; the chain continues from the anchor")
    func retentionArchivesThenDeletes() async throws {
        let fixture = try AuditFixture()
        let server = try PostgresServer.shared()
        let url = server.url(database: try server.createDatabase(prefix: "retention"))
        let store = try await PostgresStore.open(configuration: PostgresStoreConfiguration(url: url, poolSize: 2))
        let now = Date()
        for number in 1...6 {
            _ = try await store.append(NewEvent(source: "urn:gerbang:agency:dukcapil", id: "event-\(number)",
                                                type: "population.death.registered", body: try fixture.signedEvent(number: number),
                                                acceptedAt: now, subscriptions: [SubscriptionID("a")]))
        }
        let head = try await store.auditHead()
        try await store.appendAuditCheckpoint(fixture.checkpointSigner.sign(recordCount: head.recordCount, headHash: head.hash, at: now))
        #expect(head.recordCount == 6)

        let archives = fixture.directory.appendingPathComponent("audit-archive")
        let retention = AuditRetention(periodSeconds: 60, archiveDirectory: archives, postgresURL: url,
                                       pkiDirectory: fixture.pki.directory, agenciesFile: fixture.agenciesFile)
        // An hour later every record is older than the period; the newest (6) is kept.
        await retention.run(store: store, now: now.addingTimeInterval(3_600), logger: Logger(label: "test"))

        let report = try await Self.verify(url, trust: fixture.trust())
        #expect(report.finding == nil, "\(String(describing: report.finding))")
        #expect(report.anchor.firstIndex == 6)
        #expect(report.anchor.archive == "audit-1-5.jsonl")
        #expect(report.recordsChecked == 1)
        let archived = try AuditVerifier(trust: fixture.trust())
            .verify(AuditArchive(contentsOf: archives.appendingPathComponent("audit-1-5.jsonl")))
        #expect(archived.finding == nil)
        #expect(archived.lastIndex == 5)
        #expect(archived.headHash == report.anchor.previousHash)
        #expect(archived.eventSignaturesChecked == 5)

        // New records continue the chain; an anchor that does not continue it is refused.
        try await store.recordAudit(.eventRejected(agency: "dukcapil", eventID: nil, reason: "event.malformed",
                                                   code: "json.syntax", at: Date()))
        let refused = await #expect(throws: StoreError.self) {
            _ = try await store.pruneAudit(anchor: AuditAnchor(firstIndex: 7, previousHash: AuditChain.genesis, archive: "x"),
                                           eventBodiesThrough: nil, now: Date())
        }
        #expect(refused?.reason == .invalidArgument)
        await store.close()
        let continued = try await Self.verify(url, trust: fixture.trust())
        #expect(continued.finding == nil)
        #expect(continued.lastIndex == 7)
    }
}
