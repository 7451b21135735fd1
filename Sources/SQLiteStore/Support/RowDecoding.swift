import Foundation
import GRDB
import Store

/// The columns of `event` read by ``StoredEvent/init(eventRow:)``, in a form usable after
/// `SELECT` (prefix with a table alias where needed).
enum EventColumns {
    /// `seq, source, event_id, type, subject, partition_key, time, accepted_at, body` of alias `e`.
    static let qualified =
        "e.seq, e.source, e.event_id, e.type, e.subject, e.partition_key, e.time, e.accepted_at, e.body"
    /// The position of `partition_key` among ``qualified``'s columns (0-based).
    static let partitionKeyColumn: Int32 = 5
}

extension StoredEvent {
    /// Decodes the event columns of a row (see ``EventColumns``).
    init(eventRow row: Row) {
        let body: Data = row["body"]
        self.init(
            sequence: EventSequence(row["seq"] as Int64),
            source: row["source"],
            id: row["event_id"],
            type: row["type"],
            subject: row["subject"],
            partitionKey: row["partition_key"],
            time: row["time"],
            body: [UInt8](body),
            acceptedAt: Timestamp.date(row["accepted_at"] as Int64)
        )
    }
}

extension StoredEvent {
    /// Decodes the event columns (``EventColumns/qualified``, in that order) of the current row of
    /// a hot statement, starting at column `first`.
    init(eventColumnsOf statement: HotStatement, from first: Int32) {
        self.init(
            sequence: EventSequence(statement.int64(first)),
            source: statement.string(first + 1) ?? "",
            id: statement.string(first + 2) ?? "",
            type: statement.string(first + 3) ?? "",
            subject: statement.string(first + 4),
            partitionKey: statement.string(first + EventColumns.partitionKeyColumn),
            time: statement.string(first + 6),
            body: statement.bytes(first + 8),
            acceptedAt: Timestamp.date(statement.int64(first + 7))
        )
    }
}

extension DeliveryAttempt {
    /// Decodes a `delivery_attempt` row.
    init(attemptRow row: Row) {
        let reason: String? = row["error_reason"]
        let outcome: String? = row["outcome"]
        self.init(
            attempt: row["attempt"],
            consumer: ConsumerID(row["consumer"] as String),
            startedAt: Timestamp.date(row["started_at"] as Int64),
            endedAt: Timestamp.date(row["ended_at"] as Int64?),
            outcome: outcome.flatMap(AttemptOutcome.init(rawValue:)),
            failure: reason.map { DeliveryFailure(reason: $0, detail: row["error_detail"] ?? "") }
        )
    }
}

extension DeliveryRecord {
    /// Decodes a `delivery` row and loads its attempts: the ended ones that have a row, then the
    /// one the row itself describes, in flight or acknowledged (schema v6, `docs/store.md`).
    init(deliveryRow row: Row, in database: Database) throws {
        let id: Int64 = row["id"]
        var attempts = try Row.fetchAll(
            database.cachedStatement(sql: "SELECT * FROM delivery_attempt WHERE delivery_id = ? ORDER BY id"),
            arguments: [id]
        ).map(DeliveryAttempt.init(attemptRow:))
        let reason: String? = row["last_error_reason"]
        let state = DeliveryState(rawValue: row["state"] as String) ?? .ready
        let consumer = (row["consumer"] as String?).map(ConsumerID.init(rawValue:))
        let updatedAt = Timestamp.date(row["updated_at"] as Int64)
        if let consumer, let claimedAt = row["claimed_at"] as Int64?, state == .inFlight || state == .acknowledged {
            let acknowledged = state == .acknowledged
            attempts.append(DeliveryAttempt(
                attempt: row["attempt"],
                consumer: consumer,
                startedAt: Timestamp.date(claimedAt),
                endedAt: acknowledged ? updatedAt : nil,
                outcome: acknowledged ? .acknowledged : nil,
                failure: nil
            ))
        }
        self.init(
            id: DeliveryID(id),
            subscription: SubscriptionID(row["subscription"] as String),
            state: state,
            attempt: row["attempt"],
            consumer: state == .inFlight ? consumer : nil,
            leaseDeadline: Timestamp.date(row["lease_deadline"] as Int64?),
            retryAt: Timestamp.date(row["retry_at"] as Int64?),
            lastFailure: reason.map { DeliveryFailure(reason: $0, detail: row["last_error_detail"] ?? "") },
            deadAt: Timestamp.date(row["dead_at"] as Int64?),
            updatedAt: updatedAt,
            attempts: attempts
        )
    }
}
