import Foundation
import NIOCore
import PostgresNIO
import Store

extension PostgresStore {
    /// Appends an event and its deliveries in the next group-commit batch; returns once that
    /// batch is committed and flushed. The batch holds the write-order lock, so the
    /// de-duplication check sees every event committed by any node before it.
    public func append(_ event: NewEvent) async throws(StoreError) -> AppendOutcome {
        try event.validateForAppend()
        let window = Timestamp.milliseconds(configuration.deduplicationWindow)
        let audited = configuration.auditEnabled
        let outcome = try await write(needsWriteOrder: true) { transaction in
            try await Self.insert(event, deduplicationWindow: window, audited: audited, in: transaction)
        }
        writer.recordAppend(duplicate: outcome.isDuplicate)
        return outcome
    }

    /// Appends the events of one PUBLISH in one operation of the group-commit writer, in order,
    /// each with its own statement in the batch's transaction (which holds the write-order lock):
    /// one submission and one commit wait for all of them
    /// (``Store/EventStore/appendTogether(_:_:)``: invalid events and a failing operation).
    public func append(_ events: [NewEvent]) async -> [Result<AppendOutcome, StoreError>] {
        let window = Timestamp.milliseconds(configuration.deduplicationWindow)
        let audited = configuration.auditEnabled
        return await appendTogether(events) { batch throws(StoreError) in
            let outcomes = try await write(needsWriteOrder: true) { transaction in
                var outcomes: [AppendOutcome] = []
                for event in batch {
                    outcomes.append(try await Self.insert(event, deduplicationWindow: window, audited: audited, in: transaction))
                }
                return outcomes
            }
            for outcome in outcomes { writer.recordAppend(duplicate: outcome.isDuplicate) }
            return outcomes
        }
    }

    /// The append and, when `audited`, the accepted event's audit record in the same transaction.
    static func insert(_ event: NewEvent, deduplicationWindow: Int64, audited: Bool,
                       in transaction: PostgresWriteTransaction) async throws -> AppendOutcome {
        let outcome = try await insert(event, deduplicationWindow: deduplicationWindow, in: transaction)
        if audited, case .accepted(let sequence) = outcome {
            try await PostgresAuditLedger.append(
                .eventAccepted(sequence: sequence.rawValue, source: event.source, id: event.id, type: event.type,
                               body: event.body, acceptedAt: event.acceptedAt),
                in: transaction)
        }
        return outcome
    }

    /// The append itself, in one statement (one round trip): the de-duplication check (the newest
    /// event with this (source, id), through `event_by_source_id`, accepted less than the window
    /// before — or after, when the clock went back), then, unless it found one, the event row and
    /// one delivery per subscription (in the order given, duplicates dropped).
    static func insert(_ event: NewEvent, deduplicationWindow: Int64,
                       in transaction: PostgresWriteTransaction) async throws -> AppendOutcome {
        let acceptedAt = Timestamp.milliseconds(event.acceptedAt)
        var body = ByteBufferAllocator().buffer(capacity: event.body.count)
        body.writeBytes(event.body)
        var seen = Set<SubscriptionID>()
        let subscriptions = event.subscriptions.filter { seen.insert($0).inserted }.map(\.rawValue)
        guard let row = try await transaction.rows("""
            WITH previous AS (
                SELECT seq, accepted_at FROM event
                WHERE source = \(event.source) AND event_id = \(event.id)
                ORDER BY seq DESC LIMIT 1
            ),
            original AS (
                SELECT seq FROM previous WHERE \(acceptedAt) - accepted_at < \(deduplicationWindow)
            ),
            inserted AS (
                INSERT INTO event (source, event_id, type, subject, partition_key, time, accepted_at, body)
                SELECT \(event.source), \(event.id), \(event.type), \(event.subject), \(event.partitionKey), \(event.time),
                       \(acceptedAt), \(body)
                WHERE NOT EXISTS (SELECT 1 FROM original)
                RETURNING seq
            ),
            deliveries AS (
                INSERT INTO delivery (seq, subscription, partition_key, state, attempt, updated_at)
                SELECT inserted.seq, s.subscription, \(event.partitionKey), 'ready', 0, \(acceptedAt)
                FROM inserted, unnest(\(subscriptions)::text[]) WITH ORDINALITY AS s (subscription, position)
                ORDER BY s.position
            )
            SELECT (SELECT seq FROM inserted) AS accepted, (SELECT seq FROM original) AS original
            """).first else {
            throw StoreError(.internal, "the append statement returned no row")
        }
        let (accepted, original) = try row.decode((Int64?, Int64?).self)
        if let original { return .duplicate(originalSequence: EventSequence(original)) }
        guard let accepted else { throw StoreError(.internal, "the append statement stored nothing") }
        if !subscriptions.isEmpty { transaction.markReady(subscriptions) }
        return .accepted(EventSequence(accepted))
    }
}
