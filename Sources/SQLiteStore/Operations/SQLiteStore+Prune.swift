import Audit
import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// Deletes old, fully acknowledged events (with their deliveries and attempts), at most
    /// `pruneBatchLimit` per call; when the audit trail has records, their bodies are kept in
    /// `audit_event_body` first (the records cover them by digest). The de-duplication window needs no pruning of its own: an
    /// event is its own de-duplication entry, compared by `accepted_at`, and retention is never
    /// shorter than the window.
    public func prune(now: Date) async throws(StoreError) -> PruneReport {
        let retentionHorizon = Timestamp.milliseconds(now) - Timestamp.milliseconds(configuration.retention)
        let limit = configuration.pruneBatchLimit
        let report = try await write { database in
            let doomed = try Int64.fetchAll(database, sql: """
                SELECT e.seq FROM event AS e
                WHERE e.accepted_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM delivery AS d WHERE d.seq = e.seq AND d.state <> 'acked')
                ORDER BY e.accepted_at LIMIT ?
                """, arguments: [retentionHorizon, limit])
            // The audit trail's records cover these bodies by their SHA-256: keep the bytes.
            try AuditLedger.preserveEventBodies(doomed, in: database)
            let delete = try database.cachedStatement(sql: "DELETE FROM event WHERE seq = ?")
            for sequence in doomed { try delete.execute(arguments: [sequence]) }
            return PruneReport(eventsRemoved: doomed.count)
        }
        if report.eventsRemoved > 0 {
            logger.debug("store pruned", metadata: ["events": "\(report.eventsRemoved)"])
        }
        return report
    }
}
