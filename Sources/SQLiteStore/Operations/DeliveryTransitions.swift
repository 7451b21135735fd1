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
        let candidates = try Row.fetchCursor(
            database.cachedStatement(sql: """
                SELECT d.id, d.attempt, \(EventColumns.qualified)
                FROM delivery AS d JOIN event AS e ON e.seq = d.seq
                WHERE d.subscription = ? AND d.state = 'ready' \(partitionGuard)
                ORDER BY d.seq
                """),
            arguments: [subscription.rawValue]
        )
        // Collect first, update after: SQLite leaves undefined which rows a running SELECT
        // visits when the same connection modifies them meanwhile.
        var picked: [(id: Int64, attempt: Int, event: StoredEvent)] = []
        var claimedPartitions = Set<String>()
        while picked.count < limit, let row = try candidates.next() {
            let partition: String? = row["partition_key"]
            if ordering == .partitionKey, let partition, !claimedPartitions.insert(partition).inserted {
                continue
            }
            picked.append((row["id"], row["attempt"] as Int + 1, StoredEvent(eventRow: row)))
        }
        let nowMilliseconds = Timestamp.milliseconds(now)
        let deadline = Timestamp.milliseconds(leaseDeadline)
        let update = try database.cachedStatement(sql: """
            UPDATE delivery SET state = 'inflight', attempt = ?, consumer = ?, lease_deadline = ?,
                retry_at = NULL, updated_at = ?
            WHERE id = ?
            """)
        let recordAttempt = try database.cachedStatement(sql: """
            INSERT INTO delivery_attempt (delivery_id, attempt, consumer, started_at) VALUES (?, ?, ?, ?)
            """)
        return try picked.map { pick in
            try update.execute(arguments: [pick.attempt, consumer.rawValue, deadline, nowMilliseconds, pick.id])
            try recordAttempt.execute(arguments: [pick.id, pick.attempt, consumer.rawValue, nowMilliseconds])
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

    /// The delivery a settlement was applied to (what its audit record names).
    struct SettledDelivery {
        let sequence: Int64
        let subscription: String
        let attempt: Int
    }

    /// Applies a consumer's answer (see ``SettleOutcome`` for when it is applied); when applied,
    /// also returns the delivery's event, subscription and attempt (read by the same `SELECT`).
    static func settle(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        _ settlement: DeliverySettlement,
        now: Date,
        in database: Database
    ) throws -> (outcome: SettleOutcome, settled: SettledDelivery?) {
        guard let row = try Row.fetchOne(
            database.cachedStatement(sql: "SELECT state, consumer, seq, subscription, attempt FROM delivery WHERE id = ?"),
            arguments: [delivery.rawValue]
        ) else { return (.unknownDelivery, nil) }
        let state = DeliveryState(rawValue: row["state"] as String) ?? .ready
        if state.isFinal { return (.alreadyFinal(state), nil) }
        if state == .inFlight, (row["consumer"] as String?) != consumer.rawValue { return (.heldByAnotherConsumer, nil) }
        let settled = SettledDelivery(sequence: row["seq"], subscription: row["subscription"], attempt: row["attempt"])

        let nowMilliseconds = Timestamp.milliseconds(now)
        let attemptOutcome: AttemptOutcome
        let failure: DeliveryFailure?
        switch settlement {
        case .acknowledge:
            attemptOutcome = .acknowledged
            failure = nil
            try database.cachedStatement(sql: """
                UPDATE delivery SET state = 'acked', consumer = NULL, lease_deadline = NULL, retry_at = NULL,
                    updated_at = ?
                WHERE id = ?
                """).execute(arguments: [nowMilliseconds, delivery.rawValue])
        case .retry(let retryAt, let reported):
            attemptOutcome = .retry
            failure = reported
            try database.cachedStatement(sql: """
                UPDATE delivery SET state = 'waiting', consumer = NULL, lease_deadline = NULL, retry_at = ?,
                    last_error_reason = ?, last_error_detail = ?, updated_at = ?
                WHERE id = ?
                """).execute(arguments: [
                    Timestamp.milliseconds(retryAt), reported.reason, reported.detail, nowMilliseconds,
                    delivery.rawValue,
                ])
        case .dead(let reported):
            attemptOutcome = .dead
            failure = reported
            try database.cachedStatement(sql: """
                UPDATE delivery SET state = 'dead', consumer = NULL, lease_deadline = NULL, retry_at = NULL,
                    last_error_reason = ?, last_error_detail = ?, dead_at = ?, updated_at = ?
                WHERE id = ?
                """).execute(arguments: [
                    reported.reason, reported.detail, nowMilliseconds, nowMilliseconds, delivery.rawValue,
                ])
        }
        try database.cachedStatement(sql: """
            UPDATE delivery_attempt SET ended_at = ?, outcome = ?, error_reason = ?, error_detail = ?
            WHERE delivery_id = ? AND ended_at IS NULL
            """).execute(arguments: [
                nowMilliseconds, attemptOutcome.rawValue, failure?.reason, failure?.detail, delivery.rawValue,
            ])
        return (.applied, settled)
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
        try database.cachedStatement(sql: """
            UPDATE delivery_attempt SET ended_at = ?, outcome = ?
            WHERE ended_at IS NULL AND delivery_id IN (
                SELECT id FROM delivery WHERE state = 'inflight' AND \(condition))
            """).execute(arguments: [nowMilliseconds, outcome.rawValue] + arguments)
        try database.cachedStatement(sql: """
            UPDATE delivery SET state = 'ready', consumer = NULL, lease_deadline = NULL, updated_at = ?
            WHERE state = 'inflight' AND \(condition)
            """).execute(arguments: [nowMilliseconds] + arguments)
        return database.changesCount
    }
}
