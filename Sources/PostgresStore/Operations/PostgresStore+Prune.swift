import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// Deletes old, fully acknowledged events (with their deliveries and attempts), at most
    /// `pruneBatchLimit` per call; when the audit trail has records, their bodies are kept in
    /// `audit_event_body` first, in the same transaction (the records cover them by digest).
    /// De-duplication needs no pruning of its own: an event is its own de-duplication entry and
    /// retention is never shorter than the window.
    public func prune(now: Date) async throws(StoreError) -> PruneReport {
        let retentionHorizon = Timestamp.milliseconds(now) - Timestamp.milliseconds(configuration.retention)
        let limit = configuration.pruneBatchLimit
        let report = try await write { transaction in
            let doomed = try await transaction.rows("""
                SELECT e.seq FROM event AS e
                WHERE e.accepted_at <= \(retentionHorizon)
                  AND NOT EXISTS (SELECT 1 FROM delivery AS d WHERE d.seq = e.seq AND d.state <> 'acked')
                ORDER BY e.accepted_at LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
                """).map { try $0.decode(Int64.self) }
            try await PostgresAuditLedger.preserveEventBodies(doomed, in: transaction)
            if !doomed.isEmpty {
                try await transaction.execute("DELETE FROM event WHERE seq = ANY(\(doomed))")
            }
            return PruneReport(eventsRemoved: doomed.count)
        }
        if report.eventsRemoved > 0 {
            logger.debug("store pruned", metadata: ["events": "\(report.eventsRemoved)"])
        }
        return report
    }
}
