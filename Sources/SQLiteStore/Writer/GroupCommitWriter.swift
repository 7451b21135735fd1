import Foundation
import GRDB
import Logging
import Store

/// Serialises every write of a ``SQLiteStore`` on one dedicated thread and commits them in
/// batches: one transaction per batch, and at most one WAL fsync per batch.
///
/// A batch that carries at least one ``WriteDurability/synced`` operation (an append, a dead
/// letter, an admin action…) commits with `synchronous = FULL`: the WAL is fsynced before any of
/// its operations is answered. A batch of only ``WriteDurability/relaxed`` operations (claims,
/// acknowledgements, lease and retry timers, releases) commits with `synchronous = NORMAL`: no
/// fsync; "WAL mode databases with synchronous=NORMAL are safe from corruption" and "a
/// transaction committed in WAL mode with synchronous=NORMAL might roll back following a power
/// loss or system crash" (https://www.sqlite.org/pragma.html#pragma_synchronous) — never after a
/// process crash (`kill -9`), since the frames are in the operating system's cache. The next
/// synced commit's fsync of the WAL file also makes every earlier frame durable.
///
/// Callers ``submit(_:)`` an operation and suspend (no thread is blocked) until the batch that
/// carries it has committed. The writer thread waits for pending operations; once there is one,
/// it collects more until the batch holds `maxBatchSize` operations or `maxBatchWait` has
/// passed since the oldest one was submitted, then runs them in one `BEGIN IMMEDIATE`
/// transaction. An operation failing on its own (a bad argument, a constraint) is rolled back
/// alone: the batch then runs again, each operation in its own savepoint (see
/// `run(_:fates:isolatingOperations:in:)`). Operations submitted while a commit is in
/// progress form the next batch, so under load batches grow by themselves.
///
/// A batch whose transaction fails as a whole (disk full, lock held past the busy timeout, I/O
/// error) stores nothing: every operation of it fails with the error, the failure is logged at
/// error level and counted by reason in ``StoreWriteStatistics/failedTransactions``, and
/// ``StoreWriteStatistics/isFailing`` stays set until a transaction that changes rows commits
/// (logged as `store writes recovered`).
///
/// The commit goes through GRDB's synchronous `DatabasePool.writeWithoutTransaction`, which
/// runs the work on GRDB's serial writer dispatch queue and blocks the calling thread until it
/// is done; the calling thread is this writer's own `Thread`, never a thread of Swift's
/// cooperative pool.
///
/// `Sendable` (`@unchecked`): every mutable field is read and written only while holding
/// `condition` (an `NSCondition`, i.e. a mutex plus a condition variable), except
/// `connectionSyncsEveryCommit`, which only the writer thread touches (inside its own
/// synchronous `writeWithoutTransaction` call); the pool is `Sendable` and the logger a value.
final class GroupCommitWriter: @unchecked Sendable {
    private let pool: DatabasePool
    private let maxBatchSize: Int
    private let maxBatchWait: Duration
    private let logger: Logger
    /// Called on the writer thread after an operation's savepoint or a batch rolled back (so
    /// that state kept beside the database, the audit head, is dropped).
    private let onRollback: @Sendable () -> Void
    private let condition = NSCondition()

    // Guarded by `condition`.
    private var pending: [PendingWrite] = []
    private var isClosing = false
    private var isFinished = false
    private var finishWaiters: [CheckedContinuation<Void, Never>] = []
    private var statistics = StoreWriteStatistics()

    // Writer thread only (no lock): the writer connection's current `synchronous` setting,
    // FULL when the store opens (see `SQLiteStore.openPool`).
    private var connectionSyncsEveryCommit = true

    /// Starts the writer thread.
    init(pool: DatabasePool, maxBatchSize: Int, maxBatchWait: Duration, logger: Logger,
         onRollback: @escaping @Sendable () -> Void = {}) {
        self.pool = pool
        self.onRollback = onRollback
        self.maxBatchSize = maxBatchSize
        self.maxBatchWait = maxBatchWait
        self.logger = logger
        let thread = Thread { [self] in self.runLoop() }
        thread.name = "gerbang.store.writer"
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// Runs `operation` in the next batch transaction and returns its result once that
    /// transaction has committed (and, for a `.synced` operation, is on stable storage). Fails
    /// with `store.closed` after ``close()``.
    func submit<Value: Sendable>(
        durability: WriteDurability = .synced,
        _ operation: @escaping @Sendable (Database) throws -> Value
    ) async throws(StoreError) -> Value {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Value, StoreError>, Never>) in
            enqueue(PendingWrite(operation, durability: durability, continuation: continuation))
        }
        return try result.get()
    }

    /// A snapshot of the write counters.
    var currentStatistics: StoreWriteStatistics {
        condition.lock()
        defer { condition.unlock() }
        return statistics
    }

    /// Adds appended and duplicate counts (reported by the append path after its commit).
    func recordAppend(duplicate: Bool) {
        condition.lock()
        if duplicate { statistics.duplicates += 1 } else { statistics.eventsAppended += 1 }
        condition.unlock()
    }

    /// Commits the operations already submitted, refuses new ones, and returns when the
    /// writer thread has finished.
    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            isClosing = true
            if isFinished {
                condition.unlock()
                continuation.resume()
                return
            }
            finishWaiters.append(continuation)
            condition.signal()
            condition.unlock()
        }
    }

    /// Refuses new operations and lets the thread exit once it has committed the pending ones,
    /// without waiting (for a store released without ``close()``).
    func beginClosing() {
        condition.lock()
        isClosing = true
        condition.signal()
        condition.unlock()
    }

    // MARK: Writer thread

    private func enqueue(_ write: PendingWrite) {
        condition.lock()
        guard !isClosing else {
            condition.unlock()
            write.fail(StoreError(.closed, "the store is closed"))
            return
        }
        pending.append(write)
        // Wake the writer only when it has something new to decide on.
        if pending.count == 1 || pending.count == maxBatchSize { condition.signal() }
        condition.unlock()
    }

    private func runLoop() {
        while let batch = nextBatch() {
            commit(batch)
        }
        condition.lock()
        isFinished = true
        let waiters = finishWaiters
        finishWaiters = []
        condition.unlock()
        for waiter in waiters { waiter.resume() }
    }

    /// Waits for the next batch; `nil` once closing and drained.
    private func nextBatch() -> [PendingWrite]? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            if isClosing { return nil }
            condition.wait()
        }
        if (pending.count < maxBatchSize) && (maxBatchWait > .zero) && !isClosing {
            let deadline = pending[0].submittedAt + maxBatchWait
            while pending.count < maxBatchSize, !isClosing {
                let remaining = ContinuousClock.now.duration(to: deadline)
                if remaining <= .zero { break }
                _ = condition.wait(until: Date(timeIntervalSinceNow: remaining.timeInterval))
            }
        }
        let count = min(pending.count, maxBatchSize)
        let batch = Array(pending.prefix(count))
        pending.removeFirst(count)
        return batch
    }

    /// The fate of one operation of the batch being committed.
    private enum OperationFate {
        case notRun
        case succeeded(PendingWrite.Completion)
        case failedAlone
    }

    /// Thrown out of a batch transaction run without savepoints when one of its operations
    /// failed on its own: the transaction rolls back and the batch runs again, isolated.
    private struct OperationFailedAlone: Error {}

    /// Runs the batch in one `BEGIN IMMEDIATE` transaction and commits it.
    ///
    /// Without `isolatingOperations`, the operations run one after the other with no savepoint
    /// between them: GRDB prepares its `SAVEPOINT` and `RELEASE` statements anew each time, and
    /// SQLite copies every page an operation first changes into a sub-journal; together a tenth
    /// of the writer's time in w1. An operation that fails on its own then rolls the whole
    /// transaction back (``OperationFailedAlone``) and the caller runs the batch again with
    /// `isolatingOperations`: each operation in its own savepoint, the failing one rolled back
    /// and failed alone. Operations only change the database and return their completion, so
    /// running one again is safe (`onRollback` drops the state kept beside the database).
    private func run(
        _ batch: [PendingWrite],
        fates: inout [OperationFate],
        isolatingOperations: Bool,
        in database: Database
    ) throws {
        try database.inTransaction(.immediate) {
            for (index, write) in batch.enumerated() {
                guard isolatingOperations else {
                    do {
                        fates[index] = .succeeded(try write.run(database))
                    } catch where StoreError.isOperationLocal(error) {
                        throw OperationFailedAlone()
                    }
                    continue
                }
                do {
                    try database.inSavepoint {
                        fates[index] = .succeeded(try write.run(database))
                        return .commit
                    }
                } catch where StoreError.isOperationLocal(error) {
                    fates[index] = .failedAlone
                    onRollback()
                    write.fail(StoreError(mapping: error, context: "write operation"))
                }
            }
            return .commit
        }
    }

    private func commit(_ batch: [PendingWrite]) {
        var fates = [OperationFate](repeating: .notRun, count: batch.count)
        let started = ContinuousClock.now
        let needsSync = batch.contains { $0.durability == .synced }
        var changedRows = false
        do {
            try pool.writeWithoutTransaction { database in
                let changesBefore = database.totalChangesCount
                if needsSync != connectionSyncsEveryCommit {
                    // Outside any transaction: SQLite applies it to the next commit.
                    try database.execute(sql: needsSync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
                    connectionSyncsEveryCommit = needsSync
                }
                do {
                    try run(batch, fates: &fates, isolatingOperations: false, in: database)
                } catch is OperationFailedAlone {
                    // Rolled back as a whole; again, each operation in its own savepoint.
                    onRollback()
                    fates = [OperationFate](repeating: .notRun, count: batch.count)
                    try run(batch, fates: &fates, isolatingOperations: true, in: database)
                }
                changedRows = database.totalChangesCount != changesBefore
            }
        } catch {
            onRollback()
            let storeError = StoreError(mapping: error, context: "commit of \(batch.count) operations")
            condition.lock()
            statistics.failedTransactions[storeError.reason.rawValue, default: 0] += 1
            statistics.isFailing = true
            condition.unlock()
            logger.error(
                "store batch failed; nothing of it was stored",
                metadata: ["reason": "\(storeError.reason.rawValue)", "error": "\(storeError.message)",
                           "operations": "\(batch.count)"]
            )
            for (write, fate) in zip(batch, fates) {
                switch fate {
                case .notRun: write.fail(storeError)
                case .succeeded(let completion): completion(storeError)
                case .failedAlone: break
                }
            }
            return
        }
        let elapsed = started.duration(to: .now)
        condition.lock()
        statistics.transactions += 1
        if needsSync { statistics.syncedTransactions += 1 }
        statistics.operations += batch.count
        statistics.largestBatch = max(statistics.largestBatch, batch.count)
        statistics.commitSeconds += elapsed.timeInterval
        // Only a commit that wrote rows shows that the store can write again (one that changed
        // nothing, such as a claim of an empty queue, commits even on a full disk).
        let recovered = statistics.isFailing && changedRows
        if changedRows { statistics.isFailing = false }
        let failedSoFar = recovered ? statistics.failedTransactions.values.reduce(0, +) : 0
        condition.unlock()
        if recovered {
            logger.notice("store writes recovered", metadata: ["failedTransactionsSinceOpen": "\(failedSoFar)"])
        }
        logger.trace("store batch committed", metadata: ["operations": "\(batch.count)", "duration": "\(elapsed)"])
        for fate in fates {
            if case .succeeded(let completion) = fate { completion(nil) }
        }
    }
}
