import Audit
import Foundation
import NIOCore
import PostgresNIO
import Logging

/// Appends to and reads the audit tables of a PostgreSQL store (the same records and chain as
/// the SQLite store's `AuditLedger`, `docs/audit.md`).
///
/// Several nodes append to one chain. A transaction that appends holds the write-order advisory
/// lock (``AdvisoryLock/writeOrder``, taken by the writer at `BEGIN` for every batch that audits),
/// so exactly one transaction at a time reads the head and links records after it; in READ
/// COMMITTED the head it reads after taking the lock is the one the previous holder committed.
/// The head read is kept only inside the transaction (``PostgresWriteTransaction/auditHead``):
/// there is no head cache between transactions that another node could make stale.
enum PostgresAuditLedger {
    /// Links `entry` as the next record; runs inside the writer's transaction (which holds the
    /// write-order lock), which inserts it before its commit.
    @discardableResult
    static func append(_ entry: AuditEntry, in transaction: PostgresWriteTransaction) async throws -> AuditRecord {
        let current: (index: Int64, hash: [UInt8])
        if let known = transaction.auditHead {
            current = known
        } else {
            current = try await head(on: transaction.connection, logger: transaction.logger)
        }
        let record = AuditLedger.nextRecord(entry, after: current)
        // Inserted with the batch's other records in one statement before the commit.
        transaction.appendAuditRecord(record)
        return record
    }

    /// The newest record's index and hash; with no record, the anchor's (first index - 1,
    /// previous hash), or (0, genesis).
    static func head(on connection: PostgresConnection, logger: Logger) async throws -> (index: Int64, hash: [UInt8]) {
        let rows = try await connection.rows("SELECT idx, hash FROM audit_record ORDER BY idx DESC LIMIT 1",
                                              logger: logger)
        if let row = rows.first {
            let (index, hash) = try row.decode((Int64, ByteBuffer).self)
            return (index, Array(hash.readableBytesView))
        }
        let anchor = try await self.anchor(on: connection, logger: logger) ?? .genesis
        return (anchor.firstIndex - 1, anchor.previousHash)
    }

    /// The retention anchor, if records were ever pruned.
    static func anchor(on connection: PostgresConnection, logger: Logger) async throws -> AuditAnchor? {
        let rows = try await connection.rows(
            "SELECT first_index, previous_hash, archive FROM audit_anchor WHERE id = 1", logger: logger)
        guard let row = rows.first else { return nil }
        let (firstIndex, previousHash, archive) = try row.decode((Int64, ByteBuffer, String).self)
        return AuditAnchor(firstIndex: firstIndex, previousHash: Array(previousHash.readableBytesView), archive: archive)
    }

    /// Copies the bodies of the events `sequences` into `audit_event_body` before their rows are
    /// deleted, when the trail has any record (kept, or an anchor left by retention).
    static func preserveEventBodies(_ sequences: [Int64], in transaction: PostgresWriteTransaction) async throws {
        guard !sequences.isEmpty else { return }
        try await transaction.execute("""
            INSERT INTO audit_event_body (seq, body)
            SELECT seq, body FROM event
            WHERE seq = ANY(\(sequences))
              AND (EXISTS (SELECT 1 FROM audit_record) OR EXISTS (SELECT 1 FROM audit_anchor))
            ON CONFLICT (seq) DO NOTHING
            """)
    }

    /// `bytes` as a `BYTEA` parameter.
    static func buffer(_ bytes: [UInt8]) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return buffer
    }
}
