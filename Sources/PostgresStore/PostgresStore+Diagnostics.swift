import PostgresNIO
import Store

/// The durability-relevant settings of the writer's session, as the server reports them.
///
/// `Sendable`: a value type of `String`s.
public struct PostgresDurabilitySettings: Sendable, Hashable {
    /// `fsync` (must be `on`).
    public var fsync: String
    /// `synchronous_commit` in the writer's session for a synced batch (must be `on`).
    public var synchronousCommit: String
    /// `wal_sync_method` (how the server flushes its WAL).
    public var walSyncMethod: String
}

extension PostgresStore {
    /// Reads the writer session's durability settings (for the broker's startup log and tests).
    /// It runs as a synced operation of the write queue: what it reads is what appends commit
    /// with, whatever batches of only relaxed operations switched before it.
    public func durabilitySettings() async throws(StoreError) -> PostgresDurabilitySettings {
        try await write { transaction in
            guard let row = try await transaction.rows("""
                SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('wal_sync_method')
                """).first else { throw StoreError(.internal, "no settings row") }
            let (fsync, synchronousCommit, walSyncMethod) = try row.decode((String, String, String).self)
            return PostgresDurabilitySettings(fsync: fsync, synchronousCommit: synchronousCommit, walSyncMethod: walSyncMethod)
        }
    }
}
