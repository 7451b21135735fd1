import Audit
@testable import Broker
import Foundation
import Logging
import SQLiteStore
import Testing

/// Retention archives before it deletes, and the chain continues from the anchor.
@Suite("Audit retention")
struct AuditRetentionTests {
    @Test("old records are archived, verified, deleted; the chain continues from the anchor")
    func retentionArchivesThenDeletes() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        let archives = fixture.directory.appendingPathComponent("audit-archive")
        let retention = AuditRetention(periodSeconds: 60, archiveDirectory: archives, storePath: fixture.storePath,
                                       pkiDirectory: fixture.pki.directory, agenciesFile: fixture.agenciesFile)
        let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: fixture.storePath))
        // An hour later every record is older than the period; the newest (11) is kept.
        await retention.run(store: store, now: Date().addingTimeInterval(3_600), logger: Logger(label: "test"))

        let report = try fixture.verifyStore()
        #expect(report.finding == nil, "\(String(describing: report.finding))")
        #expect(report.anchor.firstIndex == 11)
        #expect(report.anchor.archive == "audit-1-10.jsonl")
        #expect(report.recordsChecked == 1)
        #expect(report.checkpointsChecked == 1)

        // The archive holds 1...10 and ends exactly at the anchor's previous hash.
        let archived = try AuditVerifier(trust: fixture.trust()).verify(AuditArchive(contentsOf: archives.appendingPathComponent("audit-1-10.jsonl")))
        #expect(archived.finding == nil)
        #expect(archived.lastIndex == 10)
        #expect(archived.headHash == report.anchor.previousHash)
        #expect(archived.eventSignaturesChecked == 6)

        // New records continue the chain.
        try await store.recordAudit(.eventRejected(agency: "dukcapil", eventID: nil, reason: "event.malformed", code: "json.syntax", at: Date()))
        await store.close()
        let continued = try fixture.verifyStore()
        #expect(continued.finding == nil)
        #expect(continued.lastIndex == 12)

        // A forged anchor (history before it replaced) breaks the first kept record.
        try fixture.tamper { try $0.execute(sql: "UPDATE audit_anchor SET previous_hash = zeroblob(32)") }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 11)
        #expect(finding.reason == .hashMismatch)
    }

    @Test("the store refuses an anchor that does not continue the chain")
    func mismatchedAnchorIsRefused() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: fixture.storePath))
        await #expect(throws: (any Error).self) {
            _ = try await store.pruneAudit(anchor: AuditAnchor(firstIndex: 10, previousHash: AuditChain.genesis, archive: "x"), eventBodiesThrough: nil, now: Date())
        }
        await store.close()
        #expect(try fixture.verifyStore().recordsChecked == 11)
    }
}
