import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// Queue depth per subscription.
    public func queueStats(subscriptions: [SubscriptionID]?, now: Date) async throws(StoreError) -> [QueueStats] {
        try await read("queue statistics") { database in
            var sql = """
                SELECT subscription, state, count(*) AS n, min(seq) AS oldest FROM delivery
                WHERE state IN ('ready', 'inflight', 'waiting', 'dead')
                """
            var arguments = StatementArguments()
            if let subscriptions {
                guard !subscriptions.isEmpty else { return [] }
                sql += " AND subscription IN (\(Array(repeating: "?", count: subscriptions.count).joined(separator: ", ")))"
                arguments = StatementArguments(subscriptions.map(\.rawValue))
            }
            sql += " GROUP BY subscription, state"
            var stats: [SubscriptionID: QueueStats] = [:]
            var oldestPending: [SubscriptionID: Int64] = [:]
            for subscription in subscriptions ?? [] {
                stats[subscription] = QueueStats(subscription: subscription, ready: 0, inFlight: 0, waiting: 0, dead: 0,
                                                 oldestPendingAcceptedAt: nil, oldestPendingAge: 0)
            }
            for row in try Row.fetchAll(database, sql: sql, arguments: arguments) {
                let subscription = SubscriptionID(row["subscription"] as String)
                var entry = stats[subscription] ?? QueueStats(
                    subscription: subscription, ready: 0, inFlight: 0, waiting: 0, dead: 0,
                    oldestPendingAcceptedAt: nil, oldestPendingAge: 0
                )
                let count: Int = row["n"]
                let oldest: Int64 = row["oldest"]
                switch DeliveryState(rawValue: row["state"] as String) {
                case .ready?: entry.ready = count
                case .inFlight?: entry.inFlight = count
                case .waiting?: entry.waiting = count
                case .dead?: entry.dead = count
                case .acknowledged?, nil: break
                }
                if row["state"] as String != DeliveryState.dead.rawValue {
                    oldestPending[subscription] = min(oldestPending[subscription] ?? .max, oldest)
                }
                stats[subscription] = entry
            }
            for (subscription, sequence) in oldestPending {
                if let acceptedAt = try Int64.fetchOne(
                    database, sql: "SELECT accepted_at FROM event WHERE seq = ?", arguments: [sequence]
                ) {
                    let date = Timestamp.date(acceptedAt)
                    stats[subscription]?.oldestPendingAcceptedAt = date
                    stats[subscription]?.oldestPendingAge = max(0, now.timeIntervalSince(date))
                }
            }
            return stats.values.sorted { $0.subscription < $1.subscription }
        }
    }

    /// The latest event with this (source, id), with its deliveries.
    public func event(source: String, id: String) async throws(StoreError) -> EventRecord? {
        try await read("event lookup") { database in
            guard let row = try Row.fetchOne(
                database,
                sql: "SELECT \(EventColumns.qualified) FROM event AS e WHERE e.source = ? AND e.event_id = ? ORDER BY e.seq DESC LIMIT 1",
                arguments: [source, id]
            ) else { return nil }
            return try Self.record(of: StoredEvent(eventRow: row), in: database)
        }
    }

    /// The event with this sequence number, with its deliveries.
    public func event(sequence: EventSequence) async throws(StoreError) -> EventRecord? {
        try await read("event lookup") { database in
            guard let row = try Row.fetchOne(
                database,
                sql: "SELECT \(EventColumns.qualified) FROM event AS e WHERE e.seq = ?",
                arguments: [sequence.rawValue]
            ) else { return nil }
            return try Self.record(of: StoredEvent(eventRow: row), in: database)
        }
    }

    /// Events in acceptance order.
    public func history(_ query: HistoryQuery) async throws(StoreError) -> [StoredEvent] {
        guard query.limit >= 0 else { throw StoreError(.invalidArgument, "history limit must not be negative, got \(query.limit)") }
        return try await read("history") { database in
            var after = query.afterSequence?.rawValue ?? 0
            var sinceClause = ""
            var arguments = StatementArguments()
            if let since = query.since {
                let sinceMilliseconds = Timestamp.milliseconds(since)
                // Jump to the first event at or after `since` through the accepted_at index.
                guard let first = try Int64.fetchOne(
                    database, sql: "SELECT min(seq) FROM event WHERE accepted_at >= ?", arguments: [sinceMilliseconds]
                ) else { return [] }
                after = max(after, first - 1)
                sinceClause = "AND e.accepted_at >= ?"
                arguments = [sinceMilliseconds]
            }
            return try Row.fetchAll(
                database,
                sql: "SELECT \(EventColumns.qualified) FROM event AS e WHERE e.seq > ? \(sinceClause) ORDER BY e.seq LIMIT ?",
                arguments: [after] + arguments + [query.limit]
            ).map(StoredEvent.init(eventRow:))
        }
    }

    static func record(of event: StoredEvent, in database: Database) throws -> EventRecord {
        let deliveries = try Row.fetchAll(
            database, sql: "SELECT * FROM delivery WHERE seq = ? ORDER BY subscription", arguments: [event.sequence.rawValue]
        ).map { row in try DeliveryRecord(deliveryRow: row, in: database) }
        return EventRecord(event: event, deliveries: deliveries)
    }
}
