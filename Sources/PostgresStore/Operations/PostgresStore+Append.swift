import Foundation
import NIOCore
import PostgresNIO
import Store

extension PostgresStore {
    /// Appends an event and its deliveries in the next group-commit batch; returns once that
    /// batch is committed and flushed. The batch holds the write-order lock, so the
    /// de-duplication check sees every event committed by any node before it.
    public func append(_ event: NewEvent) async throws(StoreError) -> AppendOutcome {
        try Self.validate(event)
        let window = Timestamp.milliseconds(configuration.deduplicationWindow)
        let audited = configuration.auditEnabled
        let outcome = try await write(needsWriteOrder: true) { transaction in
            let outcome = try await Self.insert(event, deduplicationWindow: window, in: transaction)
            if audited, case .accepted(let sequence) = outcome {
                try await PostgresAuditLedger.append(
                    .eventAccepted(sequence: sequence.rawValue, source: event.source, id: event.id, type: event.type,
                                   body: event.body, acceptedAt: event.acceptedAt),
                    in: transaction)
            }
            return outcome
        }
        writer.recordAppend(duplicate: outcome.isDuplicate)
        return outcome
    }

    static func validate(_ event: NewEvent) throws(StoreError) {
        if event.source.isEmpty { throw StoreError(.invalidArgument, "event source is empty") }
        if event.id.isEmpty { throw StoreError(.invalidArgument, "event id is empty") }
        if event.type.isEmpty { throw StoreError(.invalidArgument, "event type is empty") }
        if event.subscriptions.contains(where: { $0.rawValue.isEmpty }) {
            throw StoreError(.invalidArgument, "a subscription id is empty")
        }
    }

    /// The append itself: de-duplication check, event row, deliveries.
    static func insert(_ event: NewEvent, deduplicationWindow: Int64,
                       in transaction: PostgresWriteTransaction) async throws -> AppendOutcome {
        let acceptedAt = Timestamp.milliseconds(event.acceptedAt)
        // The newest event with this (source, id), through event_by_source_id.
        let previous = try await transaction.rows("""
            SELECT seq, accepted_at FROM event WHERE source = \(event.source) AND event_id = \(event.id)
            ORDER BY seq DESC LIMIT 1
            """).first
        if let previous {
            let (sequence, previousAcceptedAt) = try previous.decode((Int64, Int64).self)
            // Within the window (or the clock went back): a duplicate.
            if acceptedAt - previousAcceptedAt < deduplicationWindow {
                return .duplicate(originalSequence: EventSequence(sequence))
            }
        }
        var body = ByteBufferAllocator().buffer(capacity: event.body.count)
        body.writeBytes(event.body)
        guard let inserted = try await transaction.rows("""
            INSERT INTO event (source, event_id, type, subject, partition_key, time, accepted_at, body)
            VALUES (\(event.source), \(event.id), \(event.type), \(event.subject), \(event.partitionKey), \(event.time),
                    \(acceptedAt), \(body))
            RETURNING seq
            """).first else {
            throw StoreError(.internal, "INSERT … RETURNING returned no row")
        }
        let sequence = try inserted.decode(Int64.self)
        var seen = Set<SubscriptionID>()
        let subscriptions = event.subscriptions.filter { seen.insert($0).inserted }.map(\.rawValue)
        if !subscriptions.isEmpty {
            try await transaction.execute("""
                INSERT INTO delivery (seq, subscription, partition_key, state, attempt, updated_at)
                SELECT \(sequence), subscription, \(event.partitionKey), 'ready', 0, \(acceptedAt)
                FROM unnest(\(subscriptions)::text[]) WITH ORDINALITY AS s (subscription, position) ORDER BY position
                """)
            transaction.markReady(subscriptions)
        }
        return .accepted(EventSequence(sequence))
    }
}
