import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// Lists dead letters with their events and attempt histories.
    public func deadLetters(matching filter: DeadLetterFilter) async throws(StoreError) -> [DeadLetter] {
        let selection = try DeadLetterSelection(filter)
        return try await read("dead letters") { connection in
            let rows = try await connection.rows(PostgresQuery(unsafeSQL: """
                SELECT \(DeliveryColumns.qualified), \(EventColumns.qualified) \(selection.fromWhere)
                ORDER BY d.dead_at, d.id LIMIT \(selection.limitPlaceholder)
                """, binds: selection.binds), logger: self.logger).map { $0.makeRandomAccess() }
            let records = try await DeliveryRecords.load(rows, on: connection, logger: self.logger)
            return try zip(records, rows).map { record, row in DeadLetter(delivery: record, event: try StoredEvent(eventRow: row)) }
        }
    }

    /// Replays dead letters: back to ready with the attempt count reset (history kept).
    public func replayDeadLetters(matching filter: DeadLetterFilter, now: Date) async throws(StoreError) -> Int {
        let selection = try DeadLetterSelection(filter)
        var binds = selection.binds
        binds.append(Timestamp.milliseconds(now))
        let query = PostgresQuery(unsafeSQL: """
            UPDATE delivery SET state = 'ready', attempt = 0, dead_at = NULL, updated_at = $\(binds.count)
            WHERE id IN (\(selection.idSubquery)) AND state = 'dead'
            RETURNING subscription
            """, binds: binds)
        return try await write { transaction in
            let subscriptions = try await transaction.rows(query).map { try $0.decode(String.self) }
            transaction.markReady(subscriptions)
            return subscriptions.count
        }
    }

    /// Deletes dead letters and their attempt histories.
    public func purgeDeadLetters(matching filter: DeadLetterFilter) async throws(StoreError) -> Int {
        let selection = try DeadLetterSelection(filter)
        let query = PostgresQuery(unsafeSQL: """
            DELETE FROM delivery WHERE id IN (\(selection.idSubquery)) AND state = 'dead' RETURNING id
            """, binds: selection.binds)
        return try await write { transaction in
            try await transaction.rows(query).count
        }
    }
}
