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

    /// Appends the events of one PUBLISH in one operation of the group-commit writer: one
    /// submission, one closure and one resumption for all of them instead of one each. An event
    /// that fails validation gets its error and the others go on; when the operation fails (one
    /// event broke a constraint, or the batch's transaction failed), nothing of it was committed
    /// (the writer rolled it back) and each event is appended again on its own, so that each
    /// gets its own outcome.
    public func append(_ events: [NewEvent]) async -> [Result<AppendOutcome, StoreError>] {
        var results = [Result<AppendOutcome, StoreError>?](repeating: nil, count: events.count)
        var valid: [(index: Int, event: NewEvent)] = []
        valid.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            do throws(StoreError) {
                try event.validateForAppend()
                valid.append((index, event))
            } catch {
                results[index] = .failure(error)
            }
        }
        if valid.count == 1 {
            let (index, event) = valid[0]
            do throws(StoreError) {
                results[index] = .success(try await append(event))
            } catch {
                results[index] = .failure(error)
            }
        } else if !valid.isEmpty {
            let window = Timestamp.milliseconds(configuration.deduplicationWindow)
            let audited = configuration.auditEnabled ? auditHead : nil
            let batch = valid.map(\.event)
            do throws(StoreError) {
                let outcomes = try await write { database in
                    try batch.map { event in
                        let outcome = try Self.insert(event, deduplicationWindow: window, into: database)
                        if let audited, case .accepted(let sequence) = outcome {
                            try Self.audit(event, sequence: sequence, head: audited, in: database)
                        }
                        return outcome
                    }
                }
                for ((index, _), outcome) in zip(valid, outcomes) {
                    writer.recordAppend(duplicate: outcome.isDuplicate)
                    results[index] = .success(outcome)
                }
            } catch {
                for (index, event) in valid {
                    do throws(StoreError) {
                        results[index] = .success(try await append(event))
                    } catch {
                        results[index] = .failure(error)
                    }
                }
            }
        }
        return results.map { $0 ?? .failure(StoreError(.internal, "no outcome for an appended event")) }
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
