import Audit
import Foundation
import GRDB
import Testing

/// The acceptance tests of the audit trail: every kind of tampering is named at the first bad
/// record; an untouched trail verifies.
@Suite("Audit trail tampering")
struct AuditTamperTests {
    @Test("an untouched trail verifies: chain, agency signatures, checkpoints")
    func untouchedTrailVerifies() async throws {
        let fixture = try AuditFixture()
        let count = try await fixture.writeTrail()
        #expect(count == 11)
        let report = try fixture.verifyStore()
        #expect(report.finding == nil, "\(String(describing: report.finding))")
        #expect(report.recordsChecked == 11)
        #expect(report.firstIndex == 1)
        #expect(report.lastIndex == 11)
        #expect(report.eventSignaturesChecked == 6)
        #expect(report.checkpointsChecked == 2)
    }

    @Test("changing one byte of any record names that record")
    func changedByteIsNamed() async throws {
        let fixture = try AuditFixture()
        let count = try await fixture.writeTrail()
        let pristine = try fixture.snapshot()
        var generator = SystemRandomNumberGenerator()
        for index in 1...count {
            try fixture.restore(pristine)
            // Alternate between the encoding and the stored hash.
            let column = index.isMultiple(of: 2) ? "hash" : "encoding"
            try fixture.tamper { database in
                var bytes = try database.auditBlob(column, of: index)
                let offset = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[offset] ^= 0x01
                try database.execute(sql: "UPDATE audit_record SET \(column) = ? WHERE idx = ?", arguments: [Data(bytes), index])
            }
            let report = try fixture.verifyStore()
            let finding = try #require(report.finding, "byte changed in \(column) of record \(index) not found")
            #expect(finding.index == index, "\(finding)")
        }
    }

    @Test("a deleted record is named")
    func deletedRecordIsNamed() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        try fixture.tamper { try $0.execute(sql: "DELETE FROM audit_record WHERE idx = 7") }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 7)
        #expect(finding.reason == .recordMissing)
    }

    @Test("two swapped records: the first of them is named")
    func swappedRecordsAreNamed() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        try fixture.tamper { database in
            try database.execute(sql: "UPDATE audit_record SET idx = -1 WHERE idx = 5")
            try database.execute(sql: "UPDATE audit_record SET idx = 5 WHERE idx = 9")
            try database.execute(sql: "UPDATE audit_record SET idx = 9 WHERE idx = -1")
        }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 5)
        #expect(finding.reason == .indexMismatch)
    }

    @Test("the tail truncated below a checkpoint is named")
    func truncatedTailIsNamed() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        try fixture.tamper { try $0.execute(sql: "DELETE FROM audit_record WHERE idx >= 8") }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 8)
        #expect(finding.reason == .recordMissing)
    }

    @Test("a rewritten history (an edit re-chained to the end) contradicts the signed checkpoint")
    func rechainedHistoryContradictsCheckpoint() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        // Change record 7 (the acknowledgements become dead letters) and re-hash every record
        // after it: the chain is internally consistent, but not the one the broker signed.
        try fixture.tamper { database in
            try database.rewriteRecord(7, rechainingThrough: 11) { entry in
                entry.fields = entry.fields.map { $0.name == "outcome" ? AuditField("outcome", "dead-lettered") : $0 }
            }
        }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 11, "\(finding)")
        #expect(finding.reason == .checkpointMismatch)
        #expect(finding.message.contains("after record 3"))
    }

    @Test("a forged checkpoint signature is named")
    func forgedCheckpointIsNamed() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        try fixture.tamper { try $0.execute(sql: "UPDATE audit_checkpoint SET at = at + 1 WHERE id = 1") }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 3)
        #expect(finding.reason == .checkpointSignature)
    }

    @Test("an accepted event whose bytes were changed, its digest updated and the chain re-hashed fails its agency signature")
    func changedEventFailsSignature() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        try fixture.tamper { database in
            // Rewrite record 2's event (n: 2 → n: 9) in the store, put the new bytes' digest in
            // the record and re-chain every record after it: only the agency signature is left.
            try database.rewriteRecord(2, rechainingThrough: 11) { entry in
                let sequence = try #require(entry.text("sequence").flatMap { Int64($0) })
                let original = try #require(try Data.fetchOne(database, sql: "SELECT body FROM event WHERE seq = ?", arguments: [sequence]))
                let forged = Array(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\"n\":2", with: "\"n\":9").utf8)
                #expect(forged != [UInt8](original))
                try database.execute(sql: "UPDATE event SET body = ? WHERE seq = ?", arguments: [Data(forged), sequence])
                entry.fields = entry.fields.map {
                    $0.name == AuditEntry.eventDigestField ? AuditField(AuditEntry.eventDigestField, bytes: AuditEntry.eventDigest(forged)) : $0
                }
            }
        }
        let finding = try #require(try fixture.verifyStore().finding)
        #expect(finding.index == 2)
        #expect(finding.reason == .eventSignature)
    }

    @Test("an operator who re-chains the store and deletes its checkpoints is caught by the witness file")
    func witnessCatchesRewriteWithDeletedCheckpoints() async throws {
        let fixture = try AuditFixture()
        try await fixture.writeTrail()
        // The witness holds the checkpoints as the broker signed them.
        let witness = AuditWitnessFile(url: fixture.directory.appendingPathComponent("witness.jsonl"))
        for checkpoint in try SQLiteAuditSource(path: fixture.storePath).checkpoints() { try witness.append(checkpoint) }
        try fixture.tamper { database in
            try database.rewriteRecord(7, rechainingThrough: 11) { entry in
                entry.fields = entry.fields.map { $0.name == "outcome" ? AuditField("outcome", "dead-lettered") : $0 }
            }
            try database.execute(sql: "DELETE FROM audit_checkpoint")
        }
        // The store alone now looks intact (the limit of a store the operator controls) ...
        #expect(try fixture.verifyStore().finding == nil)
        // ... the witness is not fooled.
        let report = try AuditVerifier(trust: fixture.trust()).verify(SQLiteAuditSource(path: fixture.storePath),
                                                                     witnessed: witness.checkpoints())
        let finding = try #require(report.finding)
        #expect(finding.index == 11)
        #expect(finding.reason == .checkpointMismatch)
        #expect(finding.message.contains("after record 3"))
    }
}
