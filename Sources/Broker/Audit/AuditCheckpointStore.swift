import Audit
import Foundation
import PostgresStore
import SQLiteStore
import Store

/// What the checkpoint task needs from a store: the chain's head and a place to keep signed
/// checkpoints. Both stores provide it (`SQLiteStore`, `PostgresStore`).
///
/// Conforming types are `Sendable`: the checkpoint task runs beside the broker loop.
protocol AuditCheckpointStore: Sendable {
    /// The number of records (the newest index) and the newest record's hash.
    func auditHead() async throws(StoreError) -> (recordCount: Int64, hash: [UInt8])
    /// Stores a signed checkpoint durably.
    func appendAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws(StoreError)
}

/// What audit retention (``AuditRetention``) needs from a store besides reading the trail.
///
/// Conforming types are `Sendable`: retention runs in the checkpoint task.
protocol AuditRetentionStore: Sendable {
    /// The first record at or after `cutoff` (nil: every record is older) and the head index.
    func auditRetentionBoundary(cutoff: Date) async throws(StoreError) -> (firstKept: Int64?, head: Int64)
    /// Deletes the records before `anchor.firstIndex` (and the kept bodies up to
    /// `eventBodiesThrough`) and stores `anchor`, in one transaction; returns how many were deleted.
    func pruneAudit(anchor: AuditAnchor, eventBodiesThrough lastArchivedSequence: Int64?, now: Date) async throws(StoreError) -> Int
}

extension SQLiteStore: AuditCheckpointStore, AuditRetentionStore {}

extension PostgresStore: AuditCheckpointStore, AuditRetentionStore {}
