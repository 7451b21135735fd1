import GRDB
import Store

/// The durability-relevant settings of the writer connection, as SQLite reports them.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct SQLiteDurabilitySettings: Sendable, Hashable {
    /// `PRAGMA journal_mode` (always `"wal"`).
    public var journalMode: String
    /// `PRAGMA synchronous` (2 = FULL: the WAL is fsynced at every commit).
    public var synchronous: Int
    /// `PRAGMA page_size` in bytes.
    public var pageSize: Int
    /// `PRAGMA wal_autocheckpoint` in pages.
    public var walAutoCheckpointPages: Int
}

extension SQLiteStore {
    /// Reads the writer connection's durability settings (for the broker's startup log and
    /// tests). It runs as an operation of the write queue, because `synchronous` is a setting of
    /// each connection and only the writer's matters.
    public func durabilitySettings() async throws(StoreError) -> SQLiteDurabilitySettings {
        try await write { database in
            SQLiteDurabilitySettings(
                journalMode: try String.fetchOne(database, sql: "PRAGMA journal_mode") ?? "",
                synchronous: try Int.fetchOne(database, sql: "PRAGMA synchronous") ?? -1,
                pageSize: try Int.fetchOne(database, sql: "PRAGMA page_size") ?? 0,
                walAutoCheckpointPages: try Int.fetchOne(database, sql: "PRAGMA wal_autocheckpoint") ?? 0
            )
        }
    }
}
