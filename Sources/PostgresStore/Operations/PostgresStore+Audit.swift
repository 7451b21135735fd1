import Audit
import Foundation
import NIOCore
import PostgresNIO
import Store

/// The audit trail's hook points (`docs/audit.md`): an accepted event's record is written in the
/// same transaction (and savepoint) as the event row, a delivery outcome's with the state change,
/// an admin action's with its row, so both commit together in the batch that carries them.
extension PostgresStore: AuditRecording {
    /// Appends `entry` (a rejection, an admin action) to the audit trail in the next group-commit
    /// batch; returns once it is durable. Does nothing when the audit trail is disabled.
    public func recordAudit(_ entry: AuditEntry) async throws(StoreError) {
        guard configuration.auditEnabled else { return }
        _ = try await write(needsWriteOrder: true) { transaction in
            try await PostgresAuditLedger.append(entry, in: transaction)
        }
    }

    /// The audit chain's head: the number of records (the newest index) and its hash.
    public func auditHead() async throws(StoreError) -> (recordCount: Int64, hash: [UInt8]) {
        try await read("audit head") { connection in
            let head = try await PostgresAuditLedger.head(on: connection, logger: self.logger)
            return (head.index, head.hash)
        }
    }

    /// Stores a signed checkpoint (in the next group-commit batch).
    public func appendAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws(StoreError) {
        try await write { transaction in
            try await transaction.execute("""
                INSERT INTO audit_checkpoint (record_count, head_hash, at, jws)
                VALUES (\(checkpoint.recordCount), \(PostgresAuditLedger.buffer(checkpoint.headHash)),
                        \(checkpoint.timeMilliseconds), \(checkpoint.jws))
                """)
        }
    }

    /// Settles deliveries one after the other and, when auditing is on, appends one
    /// `delivery.outcome` record listing every delivery the answer was applied to, in the same
    /// transaction.
    static func settleAudited(
        _ deliveries: [DeliveryID],
        by consumer: ConsumerID,
        _ settlement: DeliverySettlement,
        now: Date,
        audited: Bool,
        in transaction: PostgresWriteTransaction
    ) async throws -> [SettleOutcome] {
        var outcomes: [SettleOutcome] = []
        outcomes.reserveCapacity(deliveries.count)
        var settled: [AuditEntry.SettledDelivery] = []
        for delivery in deliveries {
            let (outcome, applied) = try await PostgresDeliveryTransitions.settle(delivery, by: consumer, settlement,
                                                                                  now: now, in: transaction)
            outcomes.append(outcome)
            guard audited, let applied else { continue }
            settled.append(applied)
        }
        guard !settled.isEmpty else { return outcomes }
        let (name, reason) = settlement.auditOutcome
        try await PostgresAuditLedger.append(
            .deliveryOutcomes(consumer: consumer.rawValue, outcome: name, reason: reason, deliveries: settled, at: now),
            in: transaction)
        return outcomes
    }
}
