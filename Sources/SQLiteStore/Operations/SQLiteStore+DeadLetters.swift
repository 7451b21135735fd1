import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// Lists dead letters with their events and attempt histories.
    public func deadLetters(matching filter: DeadLetterFilter) async throws(StoreError) -> [DeadLetter] {
        let selection = try DeadLetterSelection(filter)
        return try await read("dead letters") { database in
            let rows = try Row.fetchAll(
                database,
                sql: """
                    SELECT d.*, \(EventColumns.qualified) \(selection.fromWhere)
                    ORDER BY d.dead_at, d.id LIMIT ?
                    """,
                arguments: selection.arguments
            )
            return try rows.map { row in
                DeadLetter(delivery: try DeliveryRecord(deliveryRow: row, in: database), event: StoredEvent(eventRow: row))
            }
        }
    }

    /// Replays dead letters: back to ready with the attempt count reset.
    public func replayDeadLetters(matching filter: DeadLetterFilter, now: Date) async throws(StoreError) -> Int {
        let selection = try DeadLetterSelection(filter)
        let nowMilliseconds = Timestamp.milliseconds(now)
        return try await write { database in
            try database.execute(
                sql: """
                    UPDATE delivery SET state = 'ready', attempt = 0, dead_at = NULL, updated_at = ?
                    WHERE id IN (\(selection.idSubquery))
                    """,
                arguments: [nowMilliseconds] + selection.arguments
            )
            return database.changesCount
        }
    }

    /// Deletes dead letters and their attempt histories.
    public func purgeDeadLetters(matching filter: DeadLetterFilter) async throws(StoreError) -> Int {
        let selection = try DeadLetterSelection(filter)
        return try await write { database in
            try database.execute(
                sql: "DELETE FROM delivery WHERE id IN (\(selection.idSubquery))",
                arguments: selection.arguments
            )
            return database.changesCount
        }
    }
}
