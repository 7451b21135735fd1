import Foundation
import GRDB
import Store

extension SQLiteStore {
    /// Opens the connection pool, applies the durability pragmas and migrates the schema.
    static func openPool(configuration: SQLiteStoreConfiguration) throws(StoreError) -> DatabasePool {
        let directory = URL(fileURLWithPath: configuration.path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.cannotOpen, "cannot create directory \(directory.path): \(error.localizedDescription)")
        }
        var grdb = Configuration()
        grdb.label = "gerbang.store"
        grdb.foreignKeysEnabled = true
        grdb.busyMode = .timeout(configuration.busyTimeout.timeInterval)
        grdb.maximumReaderCount = configuration.maxReaders
        let readerCacheKiB = max(64, configuration.pageCacheKiB / 4)
        let pageSize = configuration.pageSizeBytes
        grdb.prepareDatabase { database in
            // Before GRDB turns WAL on: "the page_size pragma will only cause an immediate change
            // in the page size if it is issued while the database is still empty" and it
            // "cannot be changed once the database is in WAL mode"
            // (https://www.sqlite.org/pragma.html#pragma_page_size); on an existing file it is a no-op.
            try database.execute(sql: "PRAGMA page_size = \(pageSize)")
            // Readers get a smaller cache; the writer's is raised below.
            try database.execute(sql: "PRAGMA cache_size = -\(readerCacheKiB)")
            // Multi-row statements, and savepoints (a batch run again with one per operation,
            // `GroupCommitWriter`), make SQLite copy each page they first change into a
            // statement journal or sub-journal; with the default temp_store those are temporary
            // files, one pwrite per page (a quarter of the writer's time in w1 when every
            // operation had a savepoint). In memory, such a journal holds the pages of one
            // statement or savepoint: "the statement journal is ... deleted when the statement
            // ends" (https://www.sqlite.org/tempfiles.html#statement_journals).
            try database.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: configuration.path, configuration: grdb)
        } catch {
            throw StoreError(mapping: error, context: "open \(configuration.path)")
        }
        do {
            try pool.writeWithoutTransaction { database in
                // GRDB sets `synchronous = NORMAL` when it enables WAL, which keeps a commit
                // safe from a process crash but not from a power loss. FULL syncs the WAL at
                // every commit: a confirmed transaction survives both.
                // (https://www.sqlite.org/pragma.html#pragma_synchronous)
                try database.execute(sql: "PRAGMA synchronous = FULL")
                try database.execute(sql: "PRAGMA cache_size = -\(configuration.pageCacheKiB)")
                try database.execute(sql: "PRAGMA wal_autocheckpoint = \(configuration.walAutoCheckpointPages)")
                if let maxDatabaseBytes = configuration.maxDatabaseBytes {
                    let pageSize = try Int64.fetchOne(database, sql: "PRAGMA page_size") ?? 4096
                    try database.execute(sql: "PRAGMA max_page_count = \(max(1, maxDatabaseBytes / pageSize))")
                }
                let synchronous = try Int.fetchOne(database, sql: "PRAGMA synchronous")
                let journalMode = try String.fetchOne(database, sql: "PRAGMA journal_mode")
                guard synchronous == 2, journalMode == "wal" else {
                    throw StoreError(
                        .internal,
                        "durability pragmas not applied (synchronous \(synchronous ?? -1), journal \(journalMode ?? "?"))"
                    )
                }
            }
            let migrator = StoreSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError(.unsupportedSchema, "\(configuration.path) was written by a newer version of Gerbang")
            }
            try migrator.migrate(pool)
        } catch {
            throw StoreError(mapping: error, context: "prepare \(configuration.path)")
        }
        return pool
    }
}
