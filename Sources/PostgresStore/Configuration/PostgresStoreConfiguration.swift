import Foundation
import Store

/// Every setting of a ``PostgresStore``, with its documented default (`docs/store.md`,
/// "PostgreSQL").
///
/// `Sendable`: a value type of `Sendable` fields.
public struct PostgresStoreConfiguration: Sendable, Hashable {
    /// What to do with deliveries that are in flight when the store opens.
    public enum InFlightOnOpen: String, Sendable, Hashable, CaseIterable {
        /// Return every in-flight delivery to `ready`. Only right when this process is the sole
        /// broker on the database (its consumers died with the previous process).
        case release
        /// Leave them in flight until their lease deadline passes (default): several broker
        /// nodes share the rows, and a node that starts must never take the leases of a node
        /// that is running.
        case keepUntilDeadline = "keep-until-deadline"
    }

    /// The server and database: `postgres://user[:password]@host[:port]/database`, optionally
    /// with `?sslmode=disable` (the only mode supported: run the store over a trusted network or
    /// a local socket path given as `?host=/path/to/socket/dir`). Default port 5432.
    public var url: String
    /// Connections of the read pool (inspection queries); the writer has one more of its own.
    /// Default 4.
    public var poolSize: Int
    /// Most write operations (appends, claims, acknowledgements…) committed in one transaction.
    /// Default 512.
    public var maxBatchSize: Int
    /// How long the writer waits for more operations after the oldest pending one arrived,
    /// before committing a batch that is not full (0 – 1 s). Default 0: operations that arrive
    /// during a commit form the next batch anyway.
    public var maxBatchWait: Duration
    /// An event with the (`source`, `id`) of an event accepted less than this long ago is a
    /// duplicate. Default 24 hours.
    public var deduplicationWindow: Duration
    /// Fully acknowledged events older than this are deleted by `prune` (never shorter than the
    /// de-duplication window). Default 7 days.
    public var retention: Duration
    /// Most events one `prune` call deletes. Default 10,000.
    public var pruneBatchLimit: Int
    /// Whether accepted events, delivery outcomes, admin actions and the entries given to
    /// ``PostgresStore/recordAudit(_:)`` are appended to the audit chain, in the same transaction
    /// as the change they attest. Default `true`.
    public var auditEnabled: Bool
    /// Whether claims, acknowledgements, lease expiry, releases and retry promotion wait for the
    /// WAL flush (`synchronous_commit = on`) like appends. Default `false`: their transactions
    /// commit with `synchronous_commit = off`; a crash of the database server can then
    /// undo the latest of them, which only causes redeliveries.
    public var fsyncDeliveryTransitions: Bool
    /// Deliveries in flight when the store opens. Default ``InFlightOnOpen/keepUntilDeadline``.
    public var inFlightOnOpen: InFlightOnOpen
    /// How long opening a connection may take before failing with `store.unavailable`.
    /// Default 10 seconds.
    public var connectTimeout: Duration
    /// How many times the writer runs a batch again after PostgreSQL aborted it for a deadlock
    /// or a serialization failure with another node (the batch is rolled back as a whole, so
    /// running it again is safe). Default 3.
    public var deadlockRetries: Int
    /// How long a statement waits for a lock another session holds (a row, the write-order or a
    /// claim lock of another node) before its batch fails with `store.locked`
    /// (`lock_timeout`). Default 30 seconds.
    public var lockTimeout: Duration
    /// How long one of the store's sessions may sit idle inside an open transaction before the
    /// server ends it (`idle_in_transaction_session_timeout`): a node frozen in the middle of a
    /// batch cannot hold the write-order lock, and so every other node, for longer. Default 30
    /// seconds.
    public var idleInTransactionTimeout: Duration

    /// A configuration with every default, for the database at `url`.
    public init(
        url: String,
        poolSize: Int = 4,
        maxBatchSize: Int = 512,
        maxBatchWait: Duration = .zero,
        deduplicationWindow: Duration = .seconds(24 * 3600),
        retention: Duration = .seconds(7 * 24 * 3600),
        pruneBatchLimit: Int = 10_000,
        auditEnabled: Bool = true,
        fsyncDeliveryTransitions: Bool = false,
        inFlightOnOpen: InFlightOnOpen = .keepUntilDeadline,
        connectTimeout: Duration = .seconds(10),
        deadlockRetries: Int = 3,
        lockTimeout: Duration = .seconds(30),
        idleInTransactionTimeout: Duration = .seconds(30)
    ) {
        self.url = url
        self.poolSize = poolSize
        self.maxBatchSize = maxBatchSize
        self.maxBatchWait = maxBatchWait
        self.deduplicationWindow = deduplicationWindow
        self.retention = retention
        self.pruneBatchLimit = pruneBatchLimit
        self.auditEnabled = auditEnabled
        self.fsyncDeliveryTransitions = fsyncDeliveryTransitions
        self.inFlightOnOpen = inFlightOnOpen
        self.connectTimeout = connectTimeout
        self.deadlockRetries = deadlockRetries
        self.lockTimeout = lockTimeout
        self.idleInTransactionTimeout = idleInTransactionTimeout
    }

    /// Checks every limit and the URL; throws `store.invalid-configuration` naming the first bad
    /// setting.
    public func validate() throws(StoreError) {
        func fail(_ message: String) -> StoreError { StoreError(.invalidConfiguration, message) }
        _ = try PostgresConnectionURL(url)
        if poolSize < 1 || poolSize > 256 { throw fail("poolSize must be 1 – 256, got \(poolSize)") }
        if maxBatchSize < 1 { throw fail("maxBatchSize must be at least 1, got \(maxBatchSize)") }
        if maxBatchWait < .zero { throw fail("maxBatchWait must not be negative") }
        if maxBatchWait > .seconds(1) { throw fail("maxBatchWait must be at most 1 s") }
        if deduplicationWindow < .zero { throw fail("deduplicationWindow must not be negative") }
        if retention < deduplicationWindow { throw fail("retention must not be shorter than deduplicationWindow") }
        if pruneBatchLimit < 1 { throw fail("pruneBatchLimit must be at least 1") }
        if connectTimeout <= .zero { throw fail("connectTimeout must be positive") }
        if deadlockRetries < 0 || deadlockRetries > 100 { throw fail("deadlockRetries must be 0 – 100") }
        if lockTimeout < .milliseconds(1) || lockTimeout > .seconds(3600) { throw fail("lockTimeout must be 1 ms – 1 h") }
        if idleInTransactionTimeout < .milliseconds(100) || idleInTransactionTimeout > .seconds(3600) {
            throw fail("idleInTransactionTimeout must be 100 ms – 1 h")
        }
    }
}
