import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// What claims, acknowledgements and lease changes need from their commit (see
    /// ``SQLiteStoreConfiguration/fsyncDeliveryTransitions``).
    var deliveryTransitionDurability: WriteDurability {
        configuration.fsyncDeliveryTransitions ? .synced : .relaxed
    }

    /// Claims ready deliveries (a write: it is batched with the other writes).
    public func claim(
        subscription: SubscriptionID,
        consumer: ConsumerID,
        limit: Int,
        ordering: DeliveryOrdering,
        leaseDeadline: Date,
        now: Date
    ) async throws(StoreError) -> [ClaimedDelivery] {
        guard limit >= 0 else { throw StoreError(.invalidArgument, "claim limit must not be negative, got \(limit)") }
        guard limit > 0 else { return [] }
        return try await write(durability: deliveryTransitionDurability) { database in
            try DeliveryTransitions.claim(
                subscription: subscription,
                consumer: consumer,
                limit: limit,
                ordering: ordering,
                leaseDeadline: leaseDeadline,
                now: now,
                in: database
            )
        }
    }

    /// Acknowledges a delivery.
    public func acknowledge(_ delivery: DeliveryID, by consumer: ConsumerID, now: Date) async throws(StoreError) -> SettleOutcome {
        let audited = configuration.auditEnabled ? auditHead : nil
        return try await write(durability: deliveryTransitionDurability) { database in
            try Self.settleAudited([delivery], by: consumer, .acknowledge, now: now, audited: audited, in: database)[0]
        }
    }

    /// Acknowledges several deliveries in one operation of the write queue.
    public func acknowledge(
        _ deliveries: [DeliveryID],
        by consumer: ConsumerID,
        now: Date
    ) async throws(StoreError) -> [SettleOutcome] {
        guard !deliveries.isEmpty else { return [] }
        let audited = configuration.auditEnabled ? auditHead : nil
        return try await write(durability: deliveryTransitionDurability) { database in
            try Self.settleAudited(deliveries, by: consumer, .acknowledge, now: now, audited: audited, in: database)
        }
    }

    /// Schedules a retry of a delivery.
    public func scheduleRetry(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        retryAt: Date,
        failure: DeliveryFailure,
        now: Date
    ) async throws(StoreError) -> SettleOutcome {
        let audited = configuration.auditEnabled ? auditHead : nil
        return try await write { database in
            try Self.settleAudited([delivery], by: consumer, .retry(at: retryAt, failure), now: now, audited: audited,
                                   in: database)[0]
        }
    }

    /// Moves a delivery to the dead letters.
    public func deadLetter(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        failure: DeliveryFailure,
        now: Date
    ) async throws(StoreError) -> SettleOutcome {
        let audited = configuration.auditEnabled ? auditHead : nil
        return try await write { database in
            try Self.settleAudited([delivery], by: consumer, .dead(failure), now: now, audited: audited, in: database)[0]
        }
    }

    /// Returns expired leases to ready.
    public func expireLeases(now: Date) async throws(StoreError) -> Int {
        try await write(durability: deliveryTransitionDurability) { database in try DeliveryTransitions.expireLeases(now: now, in: database) }
    }

    /// Returns a disconnected consumer's deliveries to ready.
    public func releaseDeliveries(of consumer: ConsumerID, now: Date) async throws(StoreError) -> Int {
        try await write(durability: deliveryTransitionDurability) { database in try DeliveryTransitions.release(consumer: consumer, now: now, in: database) }
    }

    /// Returns due retries to ready.
    public func promoteDueRetries(now: Date) async throws(StoreError) -> Int {
        try await write(durability: deliveryTransitionDurability) { database in try DeliveryTransitions.promoteDueRetries(now: now, in: database) }
    }

    /// Moves lease deadlines and retry times by `offset` (after a wall-clock jump), in one
    /// synced transaction.
    public func shiftSchedule(by offset: Duration) async throws(StoreError) -> Int {
        let milliseconds = Timestamp.milliseconds(offset)
        return try await write { database in
            try database.execute(
                sql: "UPDATE delivery SET lease_deadline = lease_deadline + ? WHERE state = 'inflight' AND lease_deadline IS NOT NULL",
                arguments: [milliseconds])
            var moved = database.changesCount
            try database.execute(
                sql: "UPDATE delivery SET retry_at = retry_at + ? WHERE state = 'waiting' AND retry_at IS NOT NULL",
                arguments: [milliseconds])
            moved += database.changesCount
            return moved
        }
    }

    /// The earliest lease deadline or retry time.
    public func nextScheduledTransition() async throws(StoreError) -> Date? {
        try await read("next scheduled transition") { database in
            let next = try Int64.fetchOne(database, sql: """
                SELECT min(t) FROM (
                    SELECT min(lease_deadline) AS t FROM delivery WHERE state = 'inflight'
                    UNION ALL
                    SELECT min(retry_at) AS t FROM delivery WHERE state = 'waiting')
                """)
            return Timestamp.date(next)
        }
    }
}
