import Audit
import Foundation
import NIOCore
import PostgresNIO
import Store

/// Audit retention's two store operations (`docs/audit.md`, "Retention"), as in the SQLite store:
/// find the first record to keep, and — once the older records are archived and the archive
/// verified — delete them and store the anchor in one transaction.
extension PostgresStore {
    /// The index of the first audit record at or after `cutoff` (nil when every record is
    /// older), and the chain's head index.
    public func auditRetentionBoundary(cutoff: Date) async throws(StoreError) -> (firstKept: Int64?, head: Int64) {
        let cutoffMilliseconds = AuditEntry.milliseconds(cutoff)
        return try await read("audit retention boundary") { connection in
            // In index order from the oldest record: stops at the first one to keep.
            let first = try await connection.rows(
                "SELECT idx FROM audit_record WHERE at >= \(cutoffMilliseconds) ORDER BY idx LIMIT 1", logger: self.logger)
            let head = try await PostgresAuditLedger.head(on: connection, logger: self.logger)
            return (try first.first?.decode(Int64.self), head.index)
        }
    }

    /// Deletes every audit record before `anchor.firstIndex` and the kept event bodies up to
    /// `eventBodiesThrough`, and records `anchor`, in one transaction (holding the write-order
    /// lock, so no node appends meanwhile). Refuses (`store.invalid-argument`) when
    /// `anchor.previousHash` is not the stored hash of record `anchor.firstIndex - 1`: the chain
    /// must continue exactly where the archive ends (another node's retention may have pruned
    /// first). Returns how many records were deleted.
    public func pruneAudit(anchor: AuditAnchor, eventBodiesThrough lastArchivedSequence: Int64?,
                           now: Date) async throws(StoreError) -> Int {
        try await write(needsWriteOrder: true) { transaction in
            let stored = try await transaction.rows(
                "SELECT hash FROM audit_record WHERE idx = \(anchor.firstIndex - 1)").first
            guard let stored, Array(try stored.decode(ByteBuffer.self).readableBytesView) == anchor.previousHash else {
                throw StoreError(.invalidArgument, "the audit anchor does not match record \(anchor.firstIndex - 1)")
            }
            let deleted = try await transaction.rows(
                "DELETE FROM audit_record WHERE idx < \(anchor.firstIndex) RETURNING idx").count
            if let lastArchivedSequence {
                try await transaction.execute("DELETE FROM audit_event_body WHERE seq <= \(lastArchivedSequence)")
            }
            try await transaction.execute("""
                INSERT INTO audit_anchor (id, first_index, previous_hash, archive, archived_at)
                VALUES (1, \(anchor.firstIndex), \(PostgresAuditLedger.buffer(anchor.previousHash)), \(anchor.archive),
                        \(AuditEntry.milliseconds(now)))
                ON CONFLICT (id) DO UPDATE SET first_index = excluded.first_index, previous_hash = excluded.previous_hash,
                    archive = excluded.archive, archived_at = excluded.archived_at
                """)
            return deleted
        }
    }
}
