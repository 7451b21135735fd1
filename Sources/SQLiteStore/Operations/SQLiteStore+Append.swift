import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// Appends an event and its deliveries in the next group-commit batch; returns once that
    /// batch is durable.
    public func append(_ event: NewEvent) async throws(StoreError) -> AppendOutcome {
        try event.validateForAppend()
        let window = Timestamp.milliseconds(configuration.deduplicationWindow)
        let audited = configuration.auditEnabled ? auditHead : nil
        let outcome = try await write { database in
            let outcome = try Self.insert(event, deduplicationWindow: window, into: database)
            if let audited, case .accepted(let sequence) = outcome {
                try Self.audit(event, sequence: sequence, head: audited, in: database)
            }
            return outcome
        }
        writer.recordAppend(duplicate: outcome.isDuplicate)
        return outcome
    }

    /// The append itself: de-duplication check, event row, deliveries.
    static func insert(_ event: NewEvent, deduplicationWindow: Int64, into database: Database) throws -> AppendOutcome {
        let acceptedAt = Timestamp.milliseconds(event.acceptedAt)
        // The newest event with this (source, id), through the event_by_source_id index.
        let previous = try Row.fetchOne(
            database.cachedStatement(sql: """
                SELECT seq, accepted_at FROM event WHERE source = ? AND event_id = ? ORDER BY seq DESC LIMIT 1
                """),
            arguments: [event.source, event.id]
        )
        if let previous {
            let previousAcceptedAt: Int64 = previous["accepted_at"]
            // Within the window (or the clock went back): a duplicate.
            if acceptedAt - previousAcceptedAt < deduplicationWindow {
                return .duplicate(originalSequence: EventSequence(previous["seq"] as Int64))
            }
        }
        try database.cachedStatement(sql: """
            INSERT INTO event (source, event_id, type, subject, partition_key, time, accepted_at, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                event.source, event.id, event.type, event.subject, event.partitionKey, event.time,
                acceptedAt, Data(event.body),
            ])
        let sequence = database.lastInsertedRowID
        let insertDelivery = try database.cachedStatement(sql: """
            INSERT INTO delivery (seq, subscription, partition_key, state, attempt, updated_at)
            VALUES (?, ?, ?, 'ready', 0, ?)
            """)
        var seen = Set<SubscriptionID>()
        for subscription in event.subscriptions where seen.insert(subscription).inserted {
            try insertDelivery.execute(arguments: [sequence, subscription.rawValue, event.partitionKey, acceptedAt])
        }
        return .accepted(EventSequence(sequence))
    }
}
