import Audit
import Foundation
import PostgresNIO
import Store

/// The SQL of every delivery state transition, run inside a writer transaction.
enum PostgresDeliveryTransitions {
    // MARK: Claim

    /// Picks up to `limit` ready deliveries in acceptance order and puts them in flight, in one
    /// statement (select, update, attempt rows, events).
    ///
    /// Why each delivery is in flight at one node at a time: the candidate rows are locked with
    /// `FOR UPDATE SKIP LOCKED`, so a concurrent claim on another node skips the rows this one is
    /// taking instead of taking them too; a row it reads after this transaction committed is no
    /// longer `ready`.
    ///
    /// Why partition ordering holds across nodes: `SKIP LOCKED` alone would let a second node,
    /// skipping the locked first event of a partition, take the partition's next event (the
    /// blocking check cannot see the first node's uncommitted claim). So an ordered claim first
    /// takes the transaction-scoped advisory lock of its subscription
    /// (``AdvisoryLock/claimClassKey``, `hashtext(subscription)`): ordered claims of one
    /// subscription run one transaction at a time across every node, and, in READ COMMITTED,
    /// the statements after the lock see every claim committed before it, so the blocking check
    /// is exact. The lock is released at commit; claims of other subscriptions are not held up.
    static func claim(
        subscription: SubscriptionID,
        consumer: ConsumerID,
        limit: Int,
        ordering: DeliveryOrdering,
        leaseDeadline: Date,
        now: Date,
        in transaction: PostgresWriteTransaction
    ) async throws -> [ClaimedDelivery] {
        let nowMilliseconds = Timestamp.milliseconds(now)
        let deadline = Timestamp.milliseconds(leaseDeadline)
        let candidates: String
        switch ordering {
        case .acceptance:
            candidates = """
                SELECT d.id FROM delivery AS d
                WHERE d.subscription = $1 AND d.state = 'ready'
                ORDER BY d.seq LIMIT $2
                FOR UPDATE SKIP LOCKED
                """
        case .partitionKey:
            try await transaction.execute(
                "SELECT pg_advisory_xact_lock(\(AdvisoryLock.claimClassKey), hashtext(\(subscription.rawValue)))")
            // The oldest ready delivery of each unblocked partition, and every ready delivery
            // without a partition key, in acceptance order.
            candidates = """
                SELECT c.id FROM (
                    SELECT d.id, d.seq, d.partition_key,
                           row_number() OVER (PARTITION BY d.partition_key ORDER BY d.seq) AS position
                    FROM delivery AS d
                    WHERE d.subscription = $1 AND d.state = 'ready'
                      AND (d.partition_key IS NULL OR NOT EXISTS (
                          SELECT 1 FROM delivery AS b
                          WHERE b.subscription = d.subscription AND b.partition_key = d.partition_key
                            AND b.partition_key IS NOT NULL AND b.state IN ('inflight', 'waiting')))
                ) AS c
                WHERE c.partition_key IS NULL OR c.position = 1
                ORDER BY c.seq LIMIT $2
                """
        }
        var binds = PostgresBindings()
        binds.append(subscription.rawValue)
        binds.append(limit)
        binds.append(consumer.rawValue)
        binds.append(deadline)
        binds.append(nowMilliseconds)
        let rows = try await transaction.rows(PostgresQuery(unsafeSQL: """
            WITH picked AS (\(candidates)),
            claimed AS (
                UPDATE delivery AS d SET state = 'inflight', attempt = d.attempt + 1, consumer = $3,
                    lease_deadline = $4, retry_at = NULL, updated_at = $5
                FROM picked WHERE d.id = picked.id
                RETURNING d.id, d.seq, d.attempt
            ),
            recorded AS (
                INSERT INTO delivery_attempt (delivery_id, attempt, consumer, started_at)
                SELECT claimed.id, claimed.attempt, $3, $5 FROM claimed
            )
            SELECT claimed.id AS delivery_id, claimed.attempt AS delivery_attempt, \(EventColumns.qualified)
            FROM claimed JOIN event AS e ON e.seq = claimed.seq
            ORDER BY claimed.seq
            """, binds: binds))
        return try rows.map { row in
            let random = row.makeRandomAccess()
            return ClaimedDelivery(
                id: DeliveryID(try random.value("delivery_id", as: Int64.self)),
                subscription: subscription,
                attempt: try random.value("delivery_attempt"),
                leaseDeadline: Timestamp.date(deadline),
                event: try StoredEvent(eventRow: random)
            )
        }
    }

    // MARK: Settle

    /// Applies a consumer's answer (see ``SettleOutcome`` for when it is applied) in one
    /// statement: the row is read `FOR UPDATE` (a claim or expiry on another node cannot change it
    /// in between), updated when the answer applies, and its open attempt closed; the statement
    /// returns the state it found, so the outcome is decided as in the SQLite store.
    static func settle(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        _ settlement: DeliverySettlement,
        now: Date,
        in transaction: PostgresWriteTransaction
    ) async throws -> (outcome: SettleOutcome, settled: AuditEntry.SettledDelivery?) {
        let attemptOutcome: AttemptOutcome
        let failure: DeliveryFailure?
        let retryAt: Int64?
        let assignments: String
        switch settlement {
        case .acknowledge:
            (attemptOutcome, failure, retryAt) = (.acknowledged, nil, nil)
            assignments = "state = 'acked', consumer = NULL, lease_deadline = NULL, retry_at = NULL, updated_at = $3"
        case .retry(let at, let reported):
            (attemptOutcome, failure, retryAt) = (.retry, reported, Timestamp.milliseconds(at))
            assignments = """
                state = 'waiting', consumer = NULL, lease_deadline = NULL, retry_at = found.retry_time,
                last_error_reason = $5, last_error_detail = $6, updated_at = $3
                """
        case .dead(let reported):
            (attemptOutcome, failure, retryAt) = (.dead, reported, nil)
            assignments = """
                state = 'dead', consumer = NULL, lease_deadline = NULL, retry_at = NULL,
                last_error_reason = $5, last_error_detail = $6, dead_at = $3, updated_at = $3
                """
        }
        var binds = PostgresBindings()
        binds.append(delivery.rawValue)
        binds.append(consumer.rawValue)
        binds.append(Timestamp.milliseconds(now))
        binds.append(attemptOutcome.rawValue)
        binds.append(failure?.reason)
        binds.append(failure?.detail)
        binds.append(retryAt)
        guard let row = try await transaction.rows(PostgresQuery(unsafeSQL: """
            WITH found AS (
                -- $7 (the retry time) is named here with its type: acknowledgements and dead
                -- letters do not use it, and a NULL parameter no statement uses has no type.
                SELECT id, state, consumer, seq, subscription, attempt, $7::bigint AS retry_time
                FROM delivery WHERE id = $1 FOR UPDATE
            ),
            applied AS (
                UPDATE delivery AS d SET \(assignments)
                FROM found
                WHERE d.id = found.id AND found.state NOT IN ('acked', 'dead')
                  AND NOT (found.state = 'inflight' AND found.consumer IS DISTINCT FROM $2)
                RETURNING d.id
            ),
            closed AS (
                UPDATE delivery_attempt AS a SET ended_at = $3, outcome = $4, error_reason = $5, error_detail = $6
                FROM applied WHERE a.delivery_id = applied.id AND a.ended_at IS NULL
            )
            SELECT found.state, found.consumer, found.seq, found.subscription, found.attempt FROM found
            """, binds: binds)).first else { return (.unknownDelivery, nil) }
        let (stateName, holder, sequence, subscription, attempt) = try row.decode((String, String?, Int64, String, Int).self)
        let state = DeliveryState(rawValue: stateName) ?? .ready
        if state.isFinal { return (.alreadyFinal(state), nil) }
        if state == .inFlight, holder != consumer.rawValue { return (.heldByAnotherConsumer, nil) }
        return (.applied, AuditEntry.SettledDelivery(subscription: subscription, sequence: sequence,
                                                     delivery: delivery.rawValue, attempt: Int64(attempt)))
    }

    // MARK: Back to ready

    /// In-flight deliveries whose lease deadline has passed → ready.
    static func expireLeases(now: Date, in transaction: PostgresWriteTransaction) async throws -> Int {
        try await returnInFlightToReady(
            condition: "lease_deadline <= $2", argument: Timestamp.milliseconds(now), outcome: .leaseExpired,
            now: now, in: transaction)
    }

    /// In-flight deliveries of one consumer → ready.
    static func release(consumer: ConsumerID, now: Date, in transaction: PostgresWriteTransaction) async throws -> Int {
        try await returnInFlightToReady(
            condition: "consumer = $2", argument: consumer.rawValue, outcome: .released, now: now, in: transaction)
    }

    /// Every in-flight delivery → ready (a sole broker reopening its store).
    static func releaseAllInFlight(outcome: AttemptOutcome, now: Date,
                                   in transaction: PostgresWriteTransaction) async throws -> Int {
        // No condition: `$2` is bound (every statement of the helper has one) and always true.
        try await returnInFlightToReady(condition: "$2::bigint IS NOT NULL", argument: Int64(0), outcome: outcome,
                                        now: now, in: transaction)
    }

    /// Waiting deliveries whose retry time has come → ready (rows another transaction holds are
    /// skipped, as in ``returnInFlightToReady(condition:argument:outcome:now:in:)``).
    static func promoteDueRetries(now: Date, in transaction: PostgresWriteTransaction) async throws -> Int {
        let nowMilliseconds = Timestamp.milliseconds(now)
        let rows = try await transaction.rows("""
            WITH due AS (
                SELECT id FROM delivery WHERE state = 'waiting' AND retry_at <= \(nowMilliseconds) FOR UPDATE SKIP LOCKED
            )
            UPDATE delivery AS d SET state = 'ready', retry_at = NULL, updated_at = \(nowMilliseconds)
            FROM due WHERE d.id = due.id
            RETURNING d.subscription
            """)
        let subscriptions = try rows.map { try $0.decode(String.self) }
        transaction.markReady(subscriptions)
        return subscriptions.count
    }

    /// In-flight deliveries matching `condition` (on `$2`) → ready, closing their open attempt
    /// with `outcome`. Rows another transaction holds are skipped (`SKIP LOCKED`): that
    /// transaction is settling or re-leasing them, and the next expiry sees them again.
    private static func returnInFlightToReady<Argument: PostgresEncodable & Sendable>(
        condition: String,
        argument: Argument,
        outcome: AttemptOutcome,
        now: Date,
        in transaction: PostgresWriteTransaction
    ) async throws -> Int {
        var binds = PostgresBindings()
        binds.append(Timestamp.milliseconds(now))
        try binds.append(argument)
        binds.append(outcome.rawValue)
        let rows = try await transaction.rows(PostgresQuery(unsafeSQL: """
            WITH doomed AS (
                SELECT id FROM delivery WHERE state = 'inflight' AND \(condition) FOR UPDATE SKIP LOCKED
            ),
            returned AS (
                UPDATE delivery AS d SET state = 'ready', consumer = NULL, lease_deadline = NULL, updated_at = $1
                FROM doomed WHERE d.id = doomed.id
                RETURNING d.id, d.subscription
            ),
            closed AS (
                UPDATE delivery_attempt AS a SET ended_at = $1, outcome = $3
                FROM returned WHERE a.delivery_id = returned.id AND a.ended_at IS NULL
            )
            SELECT subscription FROM returned
            """, binds: binds))
        let subscriptions = try rows.map { try $0.decode(String.self) }
        transaction.markReady(subscriptions)
        return subscriptions.count
    }
}
