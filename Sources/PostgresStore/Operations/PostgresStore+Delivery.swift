import Foundation
import PostgresNIO
import Store

extension PostgresStore {
    /// What claims, acknowledgements and lease changes need from their commit (see
    /// ``PostgresStoreConfiguration/fsyncDeliveryTransitions``).
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
        return try await write(durability: deliveryTransitionDurability) { transaction in
            try await PostgresDeliveryTransitions.claim(
                subscription: subscription, consumer: consumer, limit: limit, ordering: ordering,
                leaseDeadline: leaseDeadline, now: now, in: transaction)
        }
    }

    /// Acknowledges a delivery.
    public func acknowledge(_ delivery: DeliveryID, by consumer: ConsumerID, now: Date) async throws(StoreError) -> SettleOutcome {
        try await settle([delivery], by: consumer, .acknowledge, now: now, durability: deliveryTransitionDurability)[0]
    }

    /// Acknowledges several deliveries in one operation of the write queue.
    public func acknowledge(
        _ deliveries: [DeliveryID],
        by consumer: ConsumerID,
        now: Date
    ) async throws(StoreError) -> [SettleOutcome] {
        guard !deliveries.isEmpty else { return [] }
        return try await settle(deliveries, by: consumer, .acknowledge, now: now, durability: deliveryTransitionDurability)
    }

    /// Schedules a retry of a delivery.
    public func scheduleRetry(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        retryAt: Date,
        failure: DeliveryFailure,
        now: Date
    ) async throws(StoreError) -> SettleOutcome {
        try await settle([delivery], by: consumer, .retry(at: retryAt, failure), now: now, durability: .synced)[0]
    }

    /// Moves a delivery to the dead letters.
    public func deadLetter(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        failure: DeliveryFailure,
        now: Date
    ) async throws(StoreError) -> SettleOutcome {
        try await settle([delivery], by: consumer, .dead(failure), now: now, durability: .synced)[0]
    }

    /// Settles `deliveries` in one operation, with one audit record for those it applied to.
    private func settle(
        _ deliveries: [DeliveryID],
        by consumer: ConsumerID,
        _ settlement: DeliverySettlement,
        now: Date,
        durability: WriteDurability
    ) async throws(StoreError) -> [SettleOutcome] {
        let audited = configuration.auditEnabled
        return try await write(durability: durability, needsWriteOrder: audited) { transaction in
            try await Self.settleAudited(deliveries, by: consumer, settlement, now: now, audited: audited, in: transaction)
        }
    }

    /// Returns expired leases to ready.
    public func expireLeases(now: Date) async throws(StoreError) -> Int {
        try await write(durability: deliveryTransitionDurability) { transaction in
            try await PostgresDeliveryTransitions.expireLeases(now: now, in: transaction)
        }
    }

    /// Returns a disconnected consumer's deliveries to ready.
    public func releaseDeliveries(of consumer: ConsumerID, now: Date) async throws(StoreError) -> Int {
        try await write(durability: deliveryTransitionDurability) { transaction in
            try await PostgresDeliveryTransitions.release(consumer: consumer, now: now, in: transaction)
        }
    }

    /// Returns due retries to ready.
    public func promoteDueRetries(now: Date) async throws(StoreError) -> Int {
        try await write(durability: deliveryTransitionDurability) { transaction in
            try await PostgresDeliveryTransitions.promoteDueRetries(now: now, in: transaction)
        }
    }

    /// Moves lease deadlines and retry times by `offset` (after a wall-clock jump), in one
    /// synced transaction.
    public func shiftSchedule(by offset: Duration) async throws(StoreError) -> Int {
        let milliseconds = Timestamp.milliseconds(offset)
        return try await write { transaction in
            let leases = try await transaction.rows("""
                UPDATE delivery SET lease_deadline = lease_deadline + \(milliseconds)
                WHERE state = 'inflight' AND lease_deadline IS NOT NULL RETURNING id
                """)
            let retries = try await transaction.rows("""
                UPDATE delivery SET retry_at = retry_at + \(milliseconds)
                WHERE state = 'waiting' AND retry_at IS NOT NULL RETURNING id
                """)
            return leases.count + retries.count
        }
    }

    /// The earliest lease deadline or retry time.
    public func nextScheduledTransition() async throws(StoreError) -> Date? {
        try await read("next scheduled transition") { connection in
            let rows = try await connection.rows("""
                SELECT least(
                    (SELECT min(lease_deadline) FROM delivery WHERE state = 'inflight'),
                    (SELECT min(retry_at) FROM delivery WHERE state = 'waiting'))
                """, logger: self.logger)
            return Timestamp.date(try rows.first?.decode(Int64?.self) ?? nil)
        }
    }
}
