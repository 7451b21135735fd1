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
            try Self.insert(event, deduplicationWindow: window, audited: audited, into: database)
        }
        writer.recordAppend(duplicate: outcome.isDuplicate)
        return outcome
    }

    /// Appends the events of one PUBLISH in one operation of the group-commit writer: one
    /// submission, one closure and one resumption for all of them instead of one each
    /// (``Store/EventStore/appendTogether(_:_:)``: invalid events and a failing operation).
    public func append(_ events: [NewEvent]) async -> [Result<AppendOutcome, StoreError>] {
        let window = Timestamp.milliseconds(configuration.deduplicationWindow)
        let audited = configuration.auditEnabled ? auditHead : nil
        return await appendTogether(events) { batch throws(StoreError) in
            let outcomes = try await write { database in
                try batch.map { event in
                    try Self.insert(event, deduplicationWindow: window, audited: audited, into: database)
                }
            }
            for outcome in outcomes { writer.recordAppend(duplicate: outcome.isDuplicate) }
            return outcomes
        }
    }

    /// The append and, when the audit trail is on (`audited`: the writer's audit head), the
    /// accepted event's audit record in the same operation.
    static func insert(_ event: NewEvent, deduplicationWindow: Int64, audited: AuditHeadCache?,
                       into database: Database) throws -> AppendOutcome {
        let outcome = try insert(event, deduplicationWindow: deduplicationWindow, into: database)
        if let audited, case .accepted(let sequence) = outcome {
            try audit(event, sequence: sequence, head: audited, in: database)
        }
        return outcome
    }

    /// The append itself: de-duplication check, event row, deliveries (hot statements:
    /// ``HotStatement``).
    static func insert(_ event: NewEvent, deduplicationWindow: Int64, into database: Database) throws -> AppendOutcome {
        let acceptedAt = Timestamp.milliseconds(event.acceptedAt)
        // The newest event with this (source, id), through the event_by_source_id index.
        let previous = try HotStatement(
            "SELECT seq, accepted_at FROM event WHERE source = ? AND event_id = ? ORDER BY seq DESC LIMIT 1",
            in: database)
        previous.bind(1, event.source)
        previous.bind(2, event.id)
        if try previous.step() {
            let previousSequence = previous.int64(0)
            let previousAcceptedAt = previous.int64(1)
            previous.reset()
            // Within the window (or the clock went back): a duplicate.
            if acceptedAt - previousAcceptedAt < deduplicationWindow {
                return .duplicate(originalSequence: EventSequence(previousSequence))
            }
        } else {
            previous.reset()
        }
        let insertEvent = try HotStatement("""
            INSERT INTO event (source, event_id, type, subject, partition_key, time, accepted_at, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, in: database)
        insertEvent.bind(1, event.source)
        insertEvent.bind(2, event.id)
        insertEvent.bind(3, event.type)
        insertEvent.bind(4, event.subject)
        insertEvent.bind(5, event.partitionKey)
        insertEvent.bind(6, event.time)
        insertEvent.bind(7, acceptedAt)
        insertEvent.bind(8, blob: event.body)
        try insertEvent.execute()
        let sequence = database.lastInsertedRowID
        let insertDelivery = try HotStatement("""
            INSERT INTO delivery (seq, subscription, partition_key, state, attempt, updated_at)
            VALUES (?, ?, ?, 'ready', 0, ?)
            """, in: database)
        var seen = Set<SubscriptionID>()
        for subscription in event.subscriptions where seen.insert(subscription).inserted {
            insertDelivery.bind(1, sequence)
            insertDelivery.bind(2, subscription.rawValue)
            insertDelivery.bind(3, event.partitionKey)
            insertDelivery.bind(4, acceptedAt)
            try insertDelivery.execute()
        }
        return .accepted(EventSequence(sequence))
    }
}
