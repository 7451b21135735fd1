import Audit
import Foundation
import GRDB
import Store

/// The audit trail's hook points in the store (`docs/audit.md`): an accepted event's record is
/// written in the same write operation as the event row, a delivery outcome's in the same one as
/// the state change, so both commit (and are fsynced) together in the group-commit batch that
/// carries them; no extra transaction, no extra fsync.
extension SQLiteStore: AuditRecording {
    /// Appends `entry` (a rejection, an admin action) to the audit trail in the next group-commit
    /// batch; returns once it is durable. Does nothing when the audit trail is disabled.
    public func recordAudit(_ entry: AuditEntry) async throws(StoreError) {
        guard configuration.auditEnabled else { return }
        let head = auditHead
        _ = try await write { database in try head.append(entry, in: database) }
    }

    /// The audit chain's head: the number of records (the newest index) and its hash.
    public func auditHead() async throws(StoreError) -> (recordCount: Int64, hash: [UInt8]) {
        try await read("audit head") { database in
            let head = try AuditLedger.head(in: database)
            return (head.index, head.hash)
        }
    }

    /// Stores a signed checkpoint (in the next group-commit batch).
    public func appendAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws(StoreError) {
        try await write { database in try AuditLedger.append(checkpoint, in: database) }
    }

    /// The accepted event's record (inside the append's savepoint).
    static func audit(_ event: NewEvent, sequence: EventSequence, head: AuditHeadCache, in database: Database) throws {
        try head.append(.eventAccepted(sequence: sequence.rawValue, source: event.source, id: event.id,
                                              type: event.type, body: event.body, acceptedAt: event.acceptedAt),
                               in: database)
    }

    /// An admin action's record (inside the savepoint of its `admin_actions` row).
    static func audit(_ action: AdminAction, head: AuditHeadCache, in database: Database) throws {
        try head.append(.adminAction(operator: action.operatorName, role: action.role, action: action.action,
                                            arguments: action.arguments, outcome: action.outcome, detail: action.detail,
                                            at: action.requestedAt),
                               in: database)
    }

    /// Settles deliveries one after the other and, when auditing is on (`audited`: the writer's
    /// audit head), appends one `delivery.outcome` record listing every delivery the answer was
    /// applied to, in the same savepoint (one record per batch of ACKs read at once, not one per
    /// ACK).
    static func settleAudited(
        _ deliveries: [DeliveryID],
        by consumer: ConsumerID,
        _ settlement: DeliverySettlement,
        now: Date,
        audited: AuditHeadCache?,
        in database: Database
    ) throws -> [SettleOutcome] {
        var outcomes: [SettleOutcome] = []
        outcomes.reserveCapacity(deliveries.count)
        var settled: [AuditEntry.SettledDelivery] = []
        for delivery in deliveries {
            let (outcome, applied) = try DeliveryTransitions.settle(delivery, by: consumer, settlement, now: now, in: database)
            outcomes.append(outcome)
            guard audited != nil, let applied else { continue }
            settled.append(applied)
        }
        guard !settled.isEmpty else { return outcomes }
        let (name, reason) = settlement.auditOutcome
        try audited?.append(.deliveryOutcomes(consumer: consumer.rawValue, outcome: name, reason: reason,
                                                 deliveries: settled, at: now),
                               in: database)
        return outcomes
    }
}

extension SQLiteStore {
    /// The index of the first audit record at or after `cutoff` (nil when every record is
    /// older), and the retention anchor in force.
    public func auditRetentionBoundary(cutoff: Date) async throws(StoreError) -> (firstKept: Int64?, head: Int64) {
        try await read("audit retention boundary") { database in
            let cutoffMilliseconds = AuditEntry.milliseconds(cutoff)
            // In index order from the oldest record: stops at the first one to keep.
            let firstKept = try Int64.fetchOne(database, sql: "SELECT idx FROM audit_record WHERE at >= ? ORDER BY idx LIMIT 1",
                                               arguments: [cutoffMilliseconds])
            return (firstKept, try AuditLedger.head(in: database).index)
        }
    }

    /// Deletes every audit record before `anchor.firstIndex` and the kept event bodies up to
    /// `eventBodiesThrough` (the archive carries both), and records `anchor` (the hash of the
    /// record before it and the archive that holds the deleted records), in one transaction.
    /// Refuses (`store.invalid-argument`) when `anchor.previousHash` is not the stored hash of
    /// record `anchor.firstIndex - 1`: the chain must continue exactly where the archive ends.
    public func pruneAudit(anchor: AuditAnchor, eventBodiesThrough lastArchivedSequence: Int64?,
                           now: Date) async throws(StoreError) -> Int {
        let head = auditHead
        return try await write { database in
            head.invalidate()
            let stored = try Data.fetchOne(database, sql: "SELECT hash FROM audit_record WHERE idx = ?",
                                           arguments: [anchor.firstIndex - 1])
            guard let stored, [UInt8](stored) == anchor.previousHash else {
                throw StoreError(.invalidArgument, "the audit anchor does not match record \(anchor.firstIndex - 1)")
            }
            try database.execute(sql: "DELETE FROM audit_record WHERE idx < ?", arguments: [anchor.firstIndex])
            let deleted = database.changesCount
            if let lastArchivedSequence { _ = try AuditLedger.deleteEventBodies(through: lastArchivedSequence, in: database) }
            try database.execute(sql: """
                INSERT OR REPLACE INTO audit_anchor (id, first_index, previous_hash, archive, archived_at) VALUES (1, ?, ?, ?, ?)
                """, arguments: [anchor.firstIndex, Data(anchor.previousHash), anchor.archive, AuditEntry.milliseconds(now)])
            return deleted
        }
    }
}
