import Foundation
import Logging
import PostgresNIO
import Store
import Synchronization

/// The PostgreSQL implementation of ``EventStore``, for one or several broker nodes sharing one
/// database: every write goes through a group-commit writer (one transaction and one WAL flush
/// per batch of operations, on a connection of its own), reads use a small pool of connections.
///
/// Open it with ``open(configuration:logger:)``; close it with ``close()`` (the writer commits
/// what it holds first). Nothing is kept in memory per queued event, and nothing is cached between
/// transactions (the audit chain's head is read under a lock in each transaction that extends it),
/// so any number of stores — one per node — can share the database (`docs/store.md`,
/// "PostgreSQL").
///
/// `Sendable`: every stored property is immutable and `Sendable` (the writer and the read pool
/// keep their state in `Mutex`es, the closed flag is a `Mutex`).
public final class PostgresStore: EventStore {
    /// The configuration the store was opened with.
    public let configuration: PostgresStoreConfiguration
    let writer: PostgresGroupCommitWriter
    let readers: PostgresReadPool
    /// Opens further connections to the store's database (e.g. a dedicated `LISTEN` connection).
    let connector: PostgresConnector
    let logger: Logger
    private let closed = Mutex(false)

    /// The `LISTEN` channel on which every transaction that made deliveries ready sends one
    /// notification; its payload is the subscription ids, comma-separated (`*`: any).
    public static let readyChannel = PostgresGroupCommitWriter.readyChannel

    /// Connects to the database, applies the missing migrations (under an advisory lock, so that
    /// nodes starting together do not race), checks the server's durability settings and, with
    /// ``PostgresStoreConfiguration/InFlightOnOpen/release``, returns in-flight deliveries to
    /// ready. Fails with `store.invalid-configuration`, `store.unavailable` (server unreachable),
    /// `store.cannot-open` (login or database refused), `store.unsupported-schema` (migrated by a
    /// newer version) or `store.internal` (the server does not fsync).
    public static func open(
        configuration: PostgresStoreConfiguration,
        logger: Logger = Logger(label: "gerbang.store")
    ) async throws(StoreError) -> PostgresStore {
        try configuration.validate()
        let url = try PostgresConnectionURL(configuration.url)
        let connector = PostgresConnector(url: url, connectTimeout: configuration.connectTimeout,
                                          lockTimeout: configuration.lockTimeout,
                                          idleInTransactionTimeout: configuration.idleInTransactionTimeout, logger: logger)
        let connection = try await connector.connect()
        do {
            try await PostgresMigrator.migrate(on: connection, logger: logger)
            try await checkDurability(on: connection, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        let store = PostgresStore(configuration: configuration, connection: connection, connector: connector,
                                  logger: logger)
        if configuration.inFlightOnOpen == .release {
            let released: Int
            do {
                released = try await store.write { transaction in
                    try await PostgresDeliveryTransitions.releaseAllInFlight(outcome: .restarted, now: Date(), in: transaction)
                }
            } catch {
                await store.close()
                throw error
            }
            if released > 0 {
                logger.info("released deliveries left in flight by the previous process", metadata: ["count": "\(released)"])
            }
        }
        logger.info("store opened", metadata: ["url": "\(url.redacted)"])
        return store
    }

    private init(configuration: PostgresStoreConfiguration, connection: PostgresConnection, connector: PostgresConnector,
                 logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.connector = connector
        self.readers = PostgresReadPool(connector: connector, size: configuration.poolSize)
        self.writer = PostgresGroupCommitWriter(
            connection: connection, connector: connector, maxBatchSize: configuration.maxBatchSize,
            maxBatchWait: configuration.maxBatchWait, deadlockRetries: configuration.deadlockRetries, logger: logger)
    }

    /// A store released without ``close()`` still ends its writer task after committing the
    /// operations already submitted (the task then closes its connection), and closes its idle
    /// read connections.
    deinit {
        writer.beginClosing()
        let readers = self.readers
        Task { await readers.close() }
    }

    /// Refuses a server that does not make commits durable: `fsync` must be on (with it off, a
    /// crash of the server's machine can corrupt the database and lose confirmed commits).
    static func checkDurability(on connection: PostgresConnection, logger: Logger) async throws(StoreError) {
        do {
            let rows = try await connection.rows("SELECT current_setting('fsync'), current_setting('synchronous_commit')",
                                                  logger: logger)
            guard let (fsync, synchronousCommit) = try rows.first?.decode((String, String).self) else {
                throw StoreError(.internal, "cannot read the server's durability settings")
            }
            guard fsync == "on", synchronousCommit == "on" else {
                throw StoreError(.internal,
                                 "durability settings not in force (fsync \(fsync), synchronous_commit \(synchronousCommit))")
            }
        } catch {
            throw StoreError(mapping: error, context: "check durability settings")
        }
    }

    /// Finishes the writes in hand, then closes every connection.
    public func close() async {
        let wasClosed = closed.withLock { isClosed in
            defer { isClosed = true }
            return isClosed
        }
        guard !wasClosed else { return }
        await writer.close()
        await readers.close()
        logger.info("store closed")
    }

    /// Counters of the write path.
    public func writeStatistics() async -> StoreWriteStatistics {
        writer.currentStatistics
    }

    // MARK: Access helpers

    /// Runs a read on a connection of the read pool.
    ///
    /// The read runs in a task of its own, so that cancelling the caller does not abandon it
    /// half-way (PostgresNIO gives up a connect when its task is cancelled): like a read of the
    /// SQLite store, it completes, and the broker's last audit checkpoint — read by a task that is
    /// being cancelled — still gets the chain's head.
    func read<Value: Sendable>(
        _ context: String,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws(StoreError) -> Value {
        if closed.withLock({ $0 }) { throw StoreError(.closed, "the store is closed") }
        let readers = self.readers
        let reading = Task { () async -> Result<Value, StoreError> in
            do throws(StoreError) {
                return .success(try await readers.withConnection(context: context, body))
            } catch {
                return .failure(error)
            }
        }
        return try await reading.value.get()
    }

    /// Runs a write in the next group-commit batch.
    func write<Value: Sendable>(
        durability: WriteDurability = .synced,
        needsWriteOrder: Bool = false,
        _ body: @escaping @Sendable (PostgresWriteTransaction) async throws -> Value
    ) async throws(StoreError) -> Value {
        try await writer.submit(durability: durability, needsWriteOrder: needsWriteOrder, body)
    }
}
