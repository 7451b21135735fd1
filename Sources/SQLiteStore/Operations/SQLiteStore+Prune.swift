import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// Deletes old, fully acknowledged events (with their deliveries and attempts), at most
    /// `pruneBatchLimit` per call. The de-duplication window needs no pruning of its own: an
    /// event is its own de-duplication entry, compared by `accepted_at`, and retention is never
    /// shorter than the window.
    public func prune(now: Date) async throws(StoreError) -> PruneReport {
        let retentionHorizon = Timestamp.milliseconds(now) - Timestamp.milliseconds(configuration.retention)
        let limit = configuration.pruneBatchLimit
        let report = try await write { database in
            try database.execute(
                sql: """
                    DELETE FROM event WHERE seq IN (
                        SELECT e.seq FROM event AS e
                        WHERE e.accepted_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM delivery AS d WHERE d.seq = e.seq AND d.state <> 'acked')
                        ORDER BY e.accepted_at LIMIT ?)
                    """,
                arguments: [retentionHorizon, limit]
            )
            // changesCount counts the event rows only (cascaded deletes are not counted).
            return PruneReport(eventsRemoved: database.changesCount)
        }
        if report.eventsRemoved > 0 {
            logger.debug("store pruned", metadata: ["events": "\(report.eventsRemoved)"])
        }
        return report
    }
}
