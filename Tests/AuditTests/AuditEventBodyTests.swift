import Audit
import Foundation
import GRDB
import SQLiteStore
import Store
import Testing

/// An accepted event's record covers its bytes by their SHA-256; the bytes are kept by sequence
/// number (the event row, then `audit_event_body` after the event is pruned, and archives).
@Suite("Audit event bodies")
struct AuditEventBodyTests {
    @Test("one byte of a stored event changed names the event's record")
    func changedEventBytesAreNamed() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        let sequence = try fixture.sequence(ofRecord: 4)
        try fixture.tamper { database in
            var body = [UInt8](try #require(try Data.fetchOne(database, sql: "SELECT body FROM event WHERE seq = ?", arguments: [sequence])))
            body[body.count / 2] ^= 0x01
            try database.execute(sql: "UPDATE event SET body = ? WHERE seq = ?", arguments: [Data(body), sequence])
        }
        // Without trust material too: the digest check needs no certificate.
        let report = try AuditVerifier(trust: nil).verify(SQLiteAuditSource(path: fixture.storePath))
        let finding = try #require(report.finding)
        #expect(finding.index == 4)
        #expect(finding.reason == .eventBodyMismatch)
    }

    @Test("a deleted event names its record")
    func deletedEventIsNamed() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        let sequence = try fixture.sequence(ofRecord: 5)
        try fixture.tamper { try $0.execute(sql: "DELETE FROM event WHERE seq = ?", arguments: [sequence]) }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 5)
        #expect(finding.reason == .eventBodyMissing)
    }

    @Test("events pruned from the store keep their bytes for the trail, and archives carry them")
    func prunedEventsKeepTheirBytes() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: fixture.storePath))
        // Subscription `b` acknowledges what it has not dead-lettered: five events are done.
        let rest = try await store.claim(subscription: SubscriptionID("b"), consumer: ConsumerID("c3"), limit: 100,
                                         ordering: .acceptance, leaseDeadline: Date().addingTimeInterval(60), now: Date())
        #expect(rest.count == 5)
        _ = try await store.acknowledge(rest.map(\.id), by: ConsumerID("c3"), now: Date())
        // Ten years later every fully acknowledged event is past retention.
        let report = try await store.prune(now: Date().addingTimeInterval(10 * 365 * 86_400))
        await store.close()
        #expect(report.eventsRemoved == 5)
        let queue = try DatabaseQueue(path: fixture.storePath)
        let (kept, remaining) = try await queue.read { database in
            (try Int.fetchOne(database, sql: "SELECT count(*) FROM audit_event_body") ?? 0,
             try Int.fetchOne(database, sql: "SELECT count(*) FROM event") ?? 0)
        }
        try queue.close()
        #expect(kept == report.eventsRemoved)
        #expect(kept + remaining == 6)

        let verified = try fixture.verifyStore()
        #expect(verified.finding == nil, "\(String(describing: verified.finding))")
        #expect(verified.eventBodiesChecked == 6)
        #expect(verified.eventSignaturesChecked == 6)

        // The export carries every event's bytes: it verifies with nothing else.
        let archive = fixture.directory.appendingPathComponent("export.jsonl")
        try AuditArchive.export(from: SQLiteAuditSource(path: fixture.storePath), range: nil, trust: fixture.trust(),
                                sourceDescription: fixture.storePath, to: archive)
        let offline = try AuditArchive(contentsOf: archive)
        let archived = try AuditVerifier(trust: offline.trust).verify(offline)
        #expect(archived.finding == nil, "\(String(describing: archived.finding))")
        #expect(archived.eventBodiesChecked == 6)
        #expect(archived.eventSignaturesChecked == 6)
        #expect(offline.lastEventSequence == 6)
    }
}
