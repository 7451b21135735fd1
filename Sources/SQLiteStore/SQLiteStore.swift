import Foundation
import GRDB
import Logging
import Store
import Synchronization

/// The embedded SQLite implementation of ``EventStore``: one database file in WAL mode with
/// `synchronous = FULL`, written through a group-commit writer (one transaction and one fsync
/// per batch of operations), read through a pool of reader connections.
///
/// Open it with ``open(configuration:logger:)``; close it with ``close()`` (the writer commits
/// what it holds first). Nothing is kept in memory per queued event: every queue lives in the
/// file, so memory stays flat however deep the queues grow (only SQLite's bounded page caches
/// grow, see ``SQLiteStoreConfiguration/pageCacheKiB``).
///
/// `Sendable`: every stored property is immutable and `Sendable` (GRDB's `DatabasePool` is
/// thread-safe, the writer serialises its own state, the closed flag is a `Mutex`).
public final class SQLiteStore: EventStore {
    /// The configuration the store was opened with.
    public let configuration: SQLiteStoreConfiguration
    let pool: DatabasePool
    let writer: GroupCommitWriter
    /// The audit chain's head as the writer last appended it.
    let auditHead: AuditHeadCache
    let logger: Logger
    private let closed = Mutex(false)

    /// Opens (creating if needed) the store described by `configuration`.
    ///
    /// The blocking work (opening the file, migrations, WAL recovery, releasing the leases of
    /// the previous process) runs on a GRDB or Dispatch queue, not on the caller's thread.
    /// Fails with `store.invalid-configuration`, `store.cannot-open`, `store.corrupt` or
    /// `store.unsupported-schema`.
    public static func open(
        configuration: SQLiteStoreConfiguration,
        logger: Logger = Logger(label: "gerbang.store")
    ) async throws(StoreError) -> SQLiteStore {
        try configuration.validate()
        let result: Result<DatabasePool, StoreError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(StoreError) in
                    try openPool(configuration: configuration)
                })
            }
        }
        let store = SQLiteStore(configuration: configuration, pool: try result.get(), logger: logger)
        if configuration.inFlightOnOpen == .release {
            let released = try await store.writer.submit { database in
                try DeliveryTransitions.releaseAllInFlight(outcome: .restarted, now: Date(), in: database)
            }
            if released > 0 {
                logger.info("released deliveries left in flight by the previous process", metadata: ["count": "\(released)"])
            }
        }
        logger.info("store opened", metadata: ["path": "\(configuration.path)"])
        return store
    }

    private init(configuration: SQLiteStoreConfiguration, pool: DatabasePool, logger: Logger) {
        self.configuration = configuration
        self.pool = pool
        self.logger = logger
        let auditHead = AuditHeadCache()
        self.auditHead = auditHead
        self.writer = GroupCommitWriter(
            pool: pool,
            maxBatchSize: configuration.maxBatchSize,
            maxBatchWait: configuration.maxBatchWait,
            logger: logger,
            onRollback: { auditHead.invalidate() }
        )
    }

    /// A store released without ``close()`` still stops its writer thread (after committing the
    /// operations already submitted); the connections close when the pool is released.
    deinit {
        writer.beginClosing()
    }

    /// Finishes the writes in hand, then closes the database connections.
    public func close() async {
        let wasClosed = closed.withLock { isClosed in
            defer { isClosed = true }
            return isClosed
        }
        guard !wasClosed else { return }
        await writer.close()
        do {
            try pool.close()
        } catch {
            logger.warning("store close: connections still busy", metadata: ["error": "\(error)"])
        }
        logger.info("store closed", metadata: ["path": "\(configuration.path)"])
    }

    /// Counters of the write path.
    public func writeStatistics() async -> StoreWriteStatistics {
        writer.currentStatistics
    }

    // MARK: Access helpers

    /// Runs a read on a reader connection (GRDB's async read: the work runs on GRDB's reader
    /// dispatch queues while the caller is suspended).
    func read<Value: Sendable>(
        _ context: String,
        _ body: @escaping @Sendable (Database) throws -> Value
    ) async throws(StoreError) -> Value {
        if closed.withLock({ $0 }) { throw StoreError(.closed, "the store is closed") }
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError(mapping: error, context: context)
        }
    }

    /// Runs a write in the next group-commit batch; `durability` says whether its answer
    /// waits for the fsync (see ``WriteDurability``).
    func write<Value: Sendable>(
        durability: WriteDurability = .synced,
        _ body: @escaping @Sendable (Database) throws -> Value
    ) async throws(StoreError) -> Value {
        try await writer.submit(durability: durability, body)
    }
}
