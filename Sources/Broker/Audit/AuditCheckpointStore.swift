import Audit
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

extension SQLiteStore: AuditCheckpointStore {}

extension PostgresStore: AuditCheckpointStore {}
