import Foundation
import Logging
import NIOCore
import PostgresNIO
import Store

/// The columns of `event` read by ``StoredEvent/init(eventRow:)``, in a form usable after
/// `SELECT` (alias `e`).
enum EventColumns {
    /// `seq, source, event_id, type, subject, partition_key, time, accepted_at, body` of alias `e`.
    static let qualified =
        "e.seq, e.source, e.event_id, e.type, e.subject, e.partition_key, e.time, e.accepted_at, e.body"
}

extension PostgresRandomAccessRow {
    /// The value of column `name`.
    func value<Value: PostgresDecodable>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        try self[name].decode(Value.self)
    }

    /// The bytes of a `BYTEA` column.
    func bytes(_ name: String) throws -> [UInt8] {
        let buffer = try self[name].decode(ByteBuffer.self)
        return Array(buffer.readableBytesView)
    }
}

extension StoredEvent {
    /// Decodes the event columns of a row (see ``EventColumns``).
    init(eventRow row: PostgresRandomAccessRow) throws {
        self.init(
            sequence: EventSequence(try row.value("seq")),
            source: try row.value("source"),
            id: try row.value("event_id"),
            type: try row.value("type"),
            subject: try row.value("subject"),
            partitionKey: try row.value("partition_key"),
            time: try row.value("time"),
            body: try row.bytes("body"),
            acceptedAt: Timestamp.date(try row.value("accepted_at", as: Int64.self))
        )
    }
}

extension DeliveryAttempt {
    /// Decodes a `delivery_attempt` row.
    init(attemptRow row: PostgresRandomAccessRow) throws {
        let reason: String? = try row.value("error_reason")
        let outcome: String? = try row.value("outcome")
        let detail: String? = try row.value("error_detail")
        self.init(
            attempt: try row.value("attempt"),
            consumer: ConsumerID(try row.value("consumer", as: String.self)),
            startedAt: Timestamp.date(try row.value("started_at", as: Int64.self)),
            endedAt: Timestamp.date(try row.value("ended_at", as: Int64?.self)),
            outcome: outcome.flatMap(AttemptOutcome.init(rawValue:)),
            failure: reason.map { DeliveryFailure(reason: $0, detail: detail ?? "") }
        )
    }
}

/// The columns of `delivery` read by ``DeliveryRecord/init(deliveryRow:attempts:)`` (alias `d`).
enum DeliveryColumns {
    static let qualified = """
        d.id, d.subscription, d.state, d.attempt, d.consumer, d.lease_deadline, d.retry_at,
        d.last_error_reason, d.last_error_detail, d.dead_at, d.updated_at
        """
}

extension DeliveryRecord {
    /// Decodes a `delivery` row (see ``DeliveryColumns``) with its attempts.
    init(deliveryRow row: PostgresRandomAccessRow, attempts: [DeliveryAttempt]) throws {
        let reason: String? = try row.value("last_error_reason")
        let detail: String? = try row.value("last_error_detail")
        let state: String = try row.value("state")
        let consumer: String? = try row.value("consumer")
        self.init(
            id: DeliveryID(try row.value("id", as: Int64.self)),
            subscription: SubscriptionID(try row.value("subscription", as: String.self)),
            state: DeliveryState(rawValue: state) ?? .ready,
            attempt: try row.value("attempt"),
            consumer: consumer.map(ConsumerID.init(rawValue:)),
            leaseDeadline: Timestamp.date(try row.value("lease_deadline", as: Int64?.self)),
            retryAt: Timestamp.date(try row.value("retry_at", as: Int64?.self)),
            lastFailure: reason.map { DeliveryFailure(reason: $0, detail: detail ?? "") },
            deadAt: Timestamp.date(try row.value("dead_at", as: Int64?.self)),
            updatedAt: Timestamp.date(try row.value("updated_at", as: Int64.self)),
            attempts: attempts
        )
    }
}

/// Loads delivery records with their attempt histories (two queries, however many deliveries).
enum DeliveryRecords {
    /// The records of the deliveries whose rows `deliveryRows` are (in that order).
    static func load(_ deliveryRows: [PostgresRandomAccessRow], on connection: PostgresConnection,
                     logger: Logger) async throws -> [DeliveryRecord] {
        let ids = try deliveryRows.map { try $0.value("id", as: Int64.self) }
        guard !ids.isEmpty else { return [] }
        var attempts: [Int64: [DeliveryAttempt]] = [:]
        let rows = try await connection.rows(
            "SELECT * FROM delivery_attempt WHERE delivery_id = ANY(\(ids)) ORDER BY delivery_id, id", logger: logger)
        for row in rows {
            let random = row.makeRandomAccess()
            attempts[try random.value("delivery_id"), default: []].append(try DeliveryAttempt(attemptRow: random))
        }
        return try deliveryRows.map { row in
            try DeliveryRecord(deliveryRow: row, attempts: attempts[try row.value("id", as: Int64.self)] ?? [])
        }
    }
}
