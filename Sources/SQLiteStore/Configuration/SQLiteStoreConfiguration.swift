import Foundation
import Store

/// Every setting of a ``SQLiteStore``, with its documented default (see `docs/store.md`).
///
/// `Sendable`: a value type of `Sendable` fields.
public struct SQLiteStoreConfiguration: Sendable, Hashable {
    /// What to do with deliveries that were in flight when the store was last closed or the
    /// process died.
    public enum InFlightOnOpen: String, Sendable, Hashable, CaseIterable {
        /// Return them to `ready` when the store opens (default). Right for the single broker
        /// process that owns the file: its consumers' connections died with it.
        case release
        /// Leave them in flight until their lease deadline passes.
        case keepUntilDeadline = "keep-until-deadline"
    }

    /// The database file (created with its directory when missing). The WAL (`-wal`) and
    /// shared-memory (`-shm`) files live next to it.
    public var path: String
    /// Most write operations (appends, claims, acknowledgements…) committed in one transaction.
    /// Default 512.
    public var maxBatchSize: Int
    /// How long the writer waits for more operations after the oldest pending one arrived,
    /// before committing a batch that is not full. Operations that arrive while a commit is in
    /// progress form the next batch regardless, so batches grow with load even without waiting.
    /// Default 0: commit as soon as the writer is free (measured faster than 1 ms for 8 and 64
    /// concurrent appenders, see `docs/benchmarks.md`); a wait only helps when fsync is cheap
    /// and callers do not wait for each other.
    public var maxBatchWait: Duration
    /// An event with the (`source`, `id`) of an event accepted less than this long ago is a
    /// duplicate. Default 24 hours.
    public var deduplicationWindow: Duration
    /// Fully acknowledged events older than this are deleted by `prune`. Must not be shorter
    /// than the de-duplication window (an event is its own de-duplication entry). Default 7 days.
    public var retention: Duration
    /// Most events one `prune` call deletes, with their deliveries and attempts (keeps each
    /// transaction short).
    /// Default 10,000.
    public var pruneBatchLimit: Int
    /// How long a connection waits for a lock held by another process before failing with
    /// `store.locked`. Default 5 seconds.
    public var busyTimeout: Duration
    /// SQLite page cache per connection, in KiB (`PRAGMA cache_size = -N`). Default 16,384
    /// (16 MiB) for the writer; readers use a quarter of it.
    public var pageCacheKiB: Int
    /// Concurrent reader connections (inspection queries). Default 4.
    public var maxReaders: Int
    /// Pages in the WAL after which SQLite checkpoints it into the database file
    /// (`PRAGMA wal_autocheckpoint`). Default 4,000 (about 32 MiB with 8 KiB pages).
    public var walAutoCheckpointPages: Int
    /// The page size of a database file this store creates (`PRAGMA page_size`): a power of two
    /// from 512 to 65,536. An existing file keeps the page size it was created with. Default
    /// 8,192: a ~1 KiB event row and its deliveries' index entries take fewer pages, so a commit
    /// writes fewer WAL frames, than with SQLite's 4,096 (`docs/benchmarks.md`, w1).
    public var pageSizeBytes: Int
    /// Deliveries left in flight by a previous process. Default ``InFlightOnOpen/release``.
    public var inFlightOnOpen: InFlightOnOpen
    /// Largest size of the database file in bytes (`PRAGMA max_page_count`); a write that
    /// would grow it further fails with `store.disk-full`, like a full disk. Default `nil`:
    /// limited by the disk only.
    public var maxDatabaseBytes: Int64?
    /// Whether accepted events, delivery outcomes and the records given to
    /// ``SQLiteStore/recordAudit(_:)`` are appended to the hash-chained audit trail, in the same
    /// transaction as the change they attest (`docs/audit.md`). Default `true`.
    public var auditEnabled = true
    /// Whether claims, acknowledgements, lease expiry, releases and retry promotion are
    /// fsynced before they return, like appends. Default `false`: they are committed without
    /// an fsync of their own (`WriteDurability/relaxed`); a power loss can then undo the latest
    /// of them, which only causes redeliveries (`docs/store.md`, "Durability argument").
    public var fsyncDeliveryTransitions = false

    /// A configuration with every default, storing its database at `path`.
    public init(
        path: String,
        maxBatchSize: Int = 512,
        maxBatchWait: Duration = .zero,
        deduplicationWindow: Duration = .seconds(24 * 3600),
        retention: Duration = .seconds(7 * 24 * 3600),
        pruneBatchLimit: Int = 10_000,
        busyTimeout: Duration = .seconds(5),
        pageCacheKiB: Int = 16_384,
        maxReaders: Int = 4,
        walAutoCheckpointPages: Int = 4_000,
        pageSizeBytes: Int = 8_192,
        inFlightOnOpen: InFlightOnOpen = .release,
        maxDatabaseBytes: Int64? = nil
    ) {
        self.path = path
        self.maxBatchSize = maxBatchSize
        self.maxBatchWait = maxBatchWait
        self.deduplicationWindow = deduplicationWindow
        self.retention = retention
        self.pruneBatchLimit = pruneBatchLimit
        self.busyTimeout = busyTimeout
        self.pageCacheKiB = pageCacheKiB
        self.maxReaders = maxReaders
        self.walAutoCheckpointPages = walAutoCheckpointPages
        self.pageSizeBytes = pageSizeBytes
        self.inFlightOnOpen = inFlightOnOpen
        self.maxDatabaseBytes = maxDatabaseBytes
    }

    /// Checks every limit; throws `store.invalid-configuration` naming the first bad setting.
    public func validate() throws(StoreError) {
        func fail(_ message: String) -> StoreError { StoreError(.invalidConfiguration, message) }
        if path.isEmpty { throw fail("path is empty") }
        if maxBatchSize < 1 { throw fail("maxBatchSize must be at least 1, got \(maxBatchSize)") }
        if maxBatchWait < .zero { throw fail("maxBatchWait must not be negative") }
        if maxBatchWait > .seconds(1) { throw fail("maxBatchWait must be at most 1 s") }
        if deduplicationWindow < .zero { throw fail("deduplicationWindow must not be negative") }
        if retention < deduplicationWindow {
            throw fail("retention must not be shorter than deduplicationWindow")
        }
        if pruneBatchLimit < 1 { throw fail("pruneBatchLimit must be at least 1") }
        if busyTimeout < .zero { throw fail("busyTimeout must not be negative") }
        if pageCacheKiB < 64 { throw fail("pageCacheKiB must be at least 64") }
        if maxReaders < 1 { throw fail("maxReaders must be at least 1") }
        if walAutoCheckpointPages < 1 { throw fail("walAutoCheckpointPages must be at least 1") }
        if !(512...65_536).contains(pageSizeBytes) || pageSizeBytes & (pageSizeBytes - 1) != 0 {
            throw fail("pageSizeBytes must be a power of two from 512 to 65536, got \(pageSizeBytes)")
        }
        if let maxDatabaseBytes, maxDatabaseBytes < 64 * 1024 {
            throw fail("maxDatabaseBytes must be at least 65536, got \(maxDatabaseBytes)")
        }
    }
}
