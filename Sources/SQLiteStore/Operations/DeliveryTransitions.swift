import Audit
import Foundation
import GRDB
import Store

/// The SQL of every delivery state transition, run inside a writer transaction.
enum DeliveryTransitions {
    // MARK: Claim

    /// Picks up to `limit` ready deliveries in acceptance order and puts them in flight.
    static func claim(
        subscription: SubscriptionID,
        consumer: ConsumerID,
        limit: Int,
        ordering: DeliveryOrdering,
        leaseDeadline: Date,
        now: Date,
        in database: Database
    ) throws -> [ClaimedDelivery] {
        let partitionGuard = switch ordering {
        case .acceptance: ""
        case .partitionKey: """
            AND (d.partition_key IS NULL OR NOT EXISTS (
                SELECT 1 FROM delivery AS b INDEXED BY delivery_blocking_partition
                WHERE b.subscription = d.subscription AND b.partition_key = d.partition_key
                  AND b.partition_key IS NOT NULL AND b.state IN ('inflight', 'waiting')))
            """
        }
        let candidates = try HotStatement("""
            SELECT d.id, d.attempt, \(EventColumns.qualified)
            FROM delivery AS d JOIN event AS e ON e.seq = d.seq
            WHERE d.subscription = ? AND d.state = 'ready' \(partitionGuard)
            ORDER BY d.seq
            """, in: database)
        candidates.bind(1, subscription.rawValue)
        // Collect first, update after: SQLite leaves undefined which rows a running SELECT
        // visits when the same connection modifies them meanwhile.
        var picked: [(id: Int64, attempt: Int, event: StoredEvent)] = []
        var claimedPartitions = Set<String>()
        do {
            defer { candidates.reset() }
            while picked.count < limit, try candidates.step() {
                let partition = candidates.string(EventColumns.partitionKeyColumn + 2)
                if ordering == .partitionKey, let partition, !claimedPartitions.insert(partition).inserted {
                    continue
                }
                picked.append((candidates.int64(0), Int(candidates.int64(1)) + 1,
                               StoredEvent(eventColumnsOf: candidates, from: 2)))
            }
        }
        let nowMilliseconds = Timestamp.milliseconds(now)
        let deadline = Timestamp.milliseconds(leaseDeadline)
        // The attempt starts here; it is read back from this row (`claimed_at`) until it ends, and
        // an attempt row is written only if it ends other than acknowledged (`recordEndedAttempt`).
        let update = try HotStatement("""
            UPDATE delivery SET state = 'inflight', attempt = ?, consumer = ?, lease_deadline = ?,
                claimed_at = ?, retry_at = NULL, updated_at = ?
            WHERE id = ?
            """, in: database)
        return try picked.map { pick in
            update.bind(1, pick.attempt)
            update.bind(2, consumer.rawValue)
            update.bind(3, deadline)
            update.bind(4, nowMilliseconds)
            update.bind(5, nowMilliseconds)
            update.bind(6, pick.id)
            try update.execute()
            return ClaimedDelivery(
                id: DeliveryID(pick.id),
                subscription: subscription,
                attempt: pick.attempt,
                leaseDeadline: Timestamp.date(deadline),
                event: pick.event
            )
        }
    }

    // MARK: Settle

    /// Applies a consumer's answer (see ``SettleOutcome`` for when it is applied); when applied,
    /// also returns what its audit record names (subscription, event sequence, delivery, attempt).
    static func settle(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        _ settlement: DeliverySettlement,
        now: Date,
        in database: Database
    ) throws -> (outcome: SettleOutcome, settled: AuditEntry.SettledDelivery?) {
        // A SELECT, then an UPDATE by rowid: `UPDATE … RETURNING` would fill a temporary table
        // and open a statement journal for every answer.
        let current = try HotStatement(
            "SELECT state, consumer, seq, subscription, attempt FROM delivery WHERE id = ?", in: database)
        current.bind(1, delivery.rawValue)
        guard try current.step() else {
            current.reset()
            return (.unknownDelivery, nil)
        }
        let state = DeliveryState(rawValue: current.string(0) ?? "") ?? .ready
        let holder = current.string(1)
        let settled = AuditEntry.SettledDelivery(subscription: current.string(3) ?? "", sequence: current.int64(2),
                                                delivery: delivery.rawValue, attempt: current.int64(4))
        current.reset()
        if state.isFinal { return (.alreadyFinal(state), nil) }
        if state == .inFlight, holder != consumer.rawValue { return (.heldByAnotherConsumer, nil) }

        let nowMilliseconds = Timestamp.milliseconds(now)
        switch settlement {
        case .acknowledge where state == .inFlight:
            // The acknowledged attempt stays readable from the row (consumer, claimed_at,
            // updated_at): no attempt row.
            let acknowledge = try HotStatement("""
                UPDATE delivery SET state = 'acked', lease_deadline = NULL, retry_at = NULL, updated_at = ?
                WHERE id = ?
                """, in: database)
            acknowledge.bind(1, nowMilliseconds)
            acknowledge.bind(2, delivery.rawValue)
            try acknowledge.execute()
        case .acknowledge:
            // Not in flight (its lease ended first): no attempt of this consumer to end.
            try database.cachedStatement(sql: """
                UPDATE delivery SET state = 'acked', consumer = NULL, lease_deadline = NULL, retry_at = NULL,
                    claimed_at = NULL, updated_at = ?
                WHERE id = ?
                """).execute(arguments: [nowMilliseconds, delivery.rawValue])
        case .retry(let retryAt, let reported):
            try recordEndedAttempt(of: delivery, outcome: .retry, failure: reported, now: nowMilliseconds, in: database)
            try database.cachedStatement(sql: """
                UPDATE delivery SET state = 'waiting', consumer = NULL, lease_deadline = NULL, claimed_at = NULL,
                    retry_at = ?, last_error_reason = ?, last_error_detail = ?, updated_at = ?
                WHERE id = ?
                """).execute(arguments: [
                    Timestamp.milliseconds(retryAt), reported.reason, reported.detail, nowMilliseconds,
                    delivery.rawValue,
                ])
        case .dead(let reported):
            try recordEndedAttempt(of: delivery, outcome: .dead, failure: reported, now: nowMilliseconds, in: database)
            try database.cachedStatement(sql: """
                UPDATE delivery SET state = 'dead', consumer = NULL, lease_deadline = NULL, claimed_at = NULL,
                    retry_at = NULL, last_error_reason = ?, last_error_detail = ?, dead_at = ?, updated_at = ?
                WHERE id = ?
                """).execute(arguments: [
                    reported.reason, reported.detail, nowMilliseconds, nowMilliseconds, delivery.rawValue,
                ])
        }
        return (.applied, settled)
    }

    /// Writes the attempt row of a delivery's attempt in flight (none when it has none), ended now
    /// with `outcome`: called just before the delivery row leaves the in-flight state.
    private static func recordEndedAttempt(
        of delivery: DeliveryID,
        outcome: AttemptOutcome,
        failure: DeliveryFailure?,
        now nowMilliseconds: Int64,
        in database: Database
    ) throws {
        try database.cachedStatement(sql: """
            INSERT INTO delivery_attempt
                (delivery_id, attempt, consumer, started_at, ended_at, outcome, error_reason, error_detail)
            SELECT id, attempt, consumer, claimed_at, ?, ?, ?, ? FROM delivery
            WHERE id = ? AND state = 'inflight' AND claimed_at IS NOT NULL
            """).execute(arguments: [
                nowMilliseconds, outcome.rawValue, failure?.reason, failure?.detail, delivery.rawValue,
            ])
    }

    // MARK: Back to ready

    /// In-flight deliveries whose lease deadline has passed → ready.
    static func expireLeases(now: Date, in database: Database) throws -> Int {
        try returnInFlightToReady(
            where: "lease_deadline <= ?",
            arguments: [Timestamp.milliseconds(now)],
            outcome: .leaseExpired,
            now: now,
            in: database
        )
    }

    /// In-flight deliveries of one consumer → ready.
    static func release(consumer: ConsumerID, now: Date, in database: Database) throws -> Int {
        try returnInFlightToReady(
            where: "consumer = ?",
            arguments: [consumer.rawValue],
            outcome: .released,
            now: now,
            in: database
        )
    }

    /// Every in-flight delivery → ready (store opened after a restart).
    static func releaseAllInFlight(outcome: AttemptOutcome, now: Date, in database: Database) throws -> Int {
        try returnInFlightToReady(where: "1", arguments: [], outcome: outcome, now: now, in: database)
    }

    /// Waiting deliveries whose retry time has come → ready.
    static func promoteDueRetries(now: Date, in database: Database) throws -> Int {
        let nowMilliseconds = Timestamp.milliseconds(now)
        try database.cachedStatement(sql: """
            UPDATE delivery SET state = 'ready', retry_at = NULL, updated_at = ?
            WHERE state = 'waiting' AND retry_at <= ?
            """).execute(arguments: [nowMilliseconds, nowMilliseconds])
        return database.changesCount
    }

    private static func returnInFlightToReady(
        where condition: String,
        arguments: StatementArguments,
        outcome: AttemptOutcome,
        now: Date,
        in database: Database
    ) throws -> Int {
        let nowMilliseconds = Timestamp.milliseconds(now)
        // The partial index of in-flight deliveries serves every condition here (a consumer's
        // deliveries are among them; credit bounds how many there are).
        try database.cachedStatement(sql: """
            INSERT INTO delivery_attempt (delivery_id, attempt, consumer, started_at, ended_at, outcome)
            SELECT id, attempt, consumer, claimed_at, ?, ? FROM delivery INDEXED BY delivery_by_lease
            WHERE state = 'inflight' AND claimed_at IS NOT NULL AND \(condition)
            """).execute(arguments: [nowMilliseconds, outcome.rawValue] + arguments)
        try database.cachedStatement(sql: """
            UPDATE delivery INDEXED BY delivery_by_lease
            SET state = 'ready', consumer = NULL, lease_deadline = NULL, claimed_at = NULL, updated_at = ?
            WHERE state = 'inflight' AND \(condition)
            """).execute(arguments: [nowMilliseconds] + arguments)
        return database.changesCount
    }
}
