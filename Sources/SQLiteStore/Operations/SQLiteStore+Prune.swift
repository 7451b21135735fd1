import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// Forgets expired de-duplication entries and deletes old, fully acknowledged events
    /// (with their deliveries and attempts), at most `pruneBatchLimit` rows of each per call.
    public func prune(now: Date) async throws(StoreError) -> PruneReport {
        let nowMilliseconds = Timestamp.milliseconds(now)
        let dedupHorizon = nowMilliseconds - Timestamp.milliseconds(configuration.deduplicationWindow)
        let retentionHorizon = nowMilliseconds - Timestamp.milliseconds(configuration.retention)
        let limit = configuration.pruneBatchLimit
        let report = try await write { database in
            try database.execute(
                sql: """
                    DELETE FROM dedup WHERE (source, event_id) IN (
                        SELECT source, event_id FROM dedup WHERE accepted_at <= ? ORDER BY accepted_at LIMIT ?)
                    """,
                arguments: [dedupHorizon, limit]
            )
            let dedupRemoved = database.changesCount
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
            return PruneReport(deduplicationEntriesRemoved: dedupRemoved, eventsRemoved: database.changesCount)
        }
        if report.deduplicationEntriesRemoved > 0 || report.eventsRemoved > 0 {
            logger.debug("store pruned", metadata: [
                "dedup": "\(report.deduplicationEntriesRemoved)", "events": "\(report.eventsRemoved)",
            ])
        }
        return report
    }
}
