import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// Queue depth per subscription.
    public func queueStats(subscriptions: [SubscriptionID]?, now: Date) async throws(StoreError) -> [QueueStats] {
        if let subscriptions, subscriptions.isEmpty { return [] }
        let names = subscriptions?.map(\.rawValue)
        return try await read("queue statistics") { connection in
            var stats: [SubscriptionID: QueueStats] = [:]
            for subscription in subscriptions ?? [] {
                stats[subscription] = QueueStats(subscription: subscription, ready: 0, inFlight: 0, waiting: 0, dead: 0,
                                                 oldestPendingAcceptedAt: nil, oldestPendingAge: 0)
            }
            let rows = try await connection.rows("""
                SELECT d.subscription, d.state, count(*) AS n,
                       min(d.seq) FILTER (WHERE d.state <> 'dead') AS oldest
                FROM delivery AS d
                WHERE d.state IN ('ready', 'inflight', 'waiting', 'dead')
                  AND (\(names)::text[] IS NULL OR d.subscription = ANY(\(names)::text[]))
                GROUP BY d.subscription, d.state
                """, logger: self.logger)
            var oldestPending: [SubscriptionID: Int64] = [:]
            for row in rows {
                let (name, state, count, oldest) = try row.decode((String, String, Int64, Int64?).self)
                let subscription = SubscriptionID(name)
                var entry = stats[subscription] ?? QueueStats(
                    subscription: subscription, ready: 0, inFlight: 0, waiting: 0, dead: 0,
                    oldestPendingAcceptedAt: nil, oldestPendingAge: 0)
                switch DeliveryState(rawValue: state) {
                case .ready?: entry.ready = Int(count)
                case .inFlight?: entry.inFlight = Int(count)
                case .waiting?: entry.waiting = Int(count)
                case .dead?: entry.dead = Int(count)
                case .acknowledged?, nil: break
                }
                if let oldest { oldestPending[subscription] = min(oldestPending[subscription] ?? .max, oldest) }
                stats[subscription] = entry
            }
            for (subscription, sequence) in oldestPending {
                let accepted = try await connection.rows(
                    "SELECT accepted_at FROM event WHERE seq = \(sequence)", logger: self.logger)
                if let acceptedAt = try accepted.first?.decode(Int64.self) {
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
        try await read("event lookup") { connection in
            let rows = try await connection.rows("""
                SELECT \(unescaped: EventColumns.qualified) FROM event AS e
                WHERE e.source = \(source) AND e.event_id = \(id) ORDER BY e.seq DESC LIMIT 1
                """, logger: self.logger)
            guard let row = rows.first else { return nil }
            return try await self.record(of: StoredEvent(eventRow: row.makeRandomAccess()), on: connection)
        }
    }

    /// The event with this sequence number, with its deliveries.
    public func event(sequence: EventSequence) async throws(StoreError) -> EventRecord? {
        try await read("event lookup") { connection in
            let rows = try await connection.rows(
                "SELECT \(unescaped: EventColumns.qualified) FROM event AS e WHERE e.seq = \(sequence.rawValue)",
                logger: self.logger)
            guard let row = rows.first else { return nil }
            return try await self.record(of: StoredEvent(eventRow: row.makeRandomAccess()), on: connection)
        }
    }

    /// Events in acceptance order.
    public func history(_ query: HistoryQuery) async throws(StoreError) -> [StoredEvent] {
        guard query.limit >= 0 else {
            throw StoreError(.invalidArgument, "history limit must not be negative, got \(query.limit)")
        }
        let after = query.afterSequence?.rawValue ?? 0
        let since = query.since.map(Timestamp.milliseconds)
        return try await read("history") { connection in
            try await connection.rows("""
                SELECT \(unescaped: EventColumns.qualified) FROM event AS e
                WHERE e.seq > \(after) AND (\(since)::bigint IS NULL OR e.accepted_at >= \(since)::bigint)
                ORDER BY e.seq LIMIT \(query.limit)
                """, logger: self.logger).map { try StoredEvent(eventRow: $0.makeRandomAccess()) }
        }
    }

    /// `event` with every delivery (by subscription name) and their attempt histories.
    func record(of event: StoredEvent, on connection: PostgresConnection) async throws -> EventRecord {
        let rows = try await connection.rows("""
            SELECT \(unescaped: DeliveryColumns.qualified) FROM delivery AS d
            WHERE d.seq = \(event.sequence.rawValue) ORDER BY d.subscription
            """, logger: logger).map { $0.makeRandomAccess() }
        return EventRecord(event: event, deliveries: try await DeliveryRecords.load(rows, on: connection, logger: logger))
    }
}
