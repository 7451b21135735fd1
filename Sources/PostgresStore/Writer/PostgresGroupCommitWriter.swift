import Logging
import PostgresNIO
import Store
import Synchronization

/// Serialises every write of a ``PostgresStore`` on one connection and commits them in batches:
/// one transaction (and one WAL flush) per batch — the PostgreSQL twin of the SQLite store's
/// `GroupCommitWriter`.
///
/// Callers ``submit(durability:needsWriteOrder:_:)`` an operation and suspend until the batch that
/// carries it has committed. One writer task waits for pending operations; it takes everything
/// submitted so far (at most `maxBatchSize`, optionally waiting up to `maxBatchWait` after the
/// oldest for more) and runs it as `BEGIN … COMMIT`. An operation failing on its own (a bad
/// argument, a constraint) is rolled back alone: the batch then runs again with each operation in
/// its own `SAVEPOINT` (see `runTransaction`). Before the commit it sends one
/// `NOTIFY gerbang_ready` naming every subscription that got ready deliveries in the batch.
///
/// A batch with at least one ``WriteDurability/synced`` operation commits with
/// `synchronous_commit = on`: `COMMIT` returns once the commit record is flushed to the server's
/// WAL on disk. A batch of only relaxed operations commits with `synchronous_commit = off` (the
/// session's setting is switched before the batch when the previous batch was of the other kind).
///
/// A batch that PostgreSQL aborts for a deadlock or a serialization failure with another node's
/// transaction (`40P01`, `40001`) was rolled back as a whole and is run again, up to
/// `deadlockRetries` times. Any other failure of the batch (connection lost, disk full…) stores
/// nothing: every operation of it fails with the mapped error, the failure is logged and counted,
/// and the next batch opens a new connection if the old one broke.
///
/// `Sendable`: the pending queue and statistics are inside a `Mutex`; the connection is owned by
/// the writer task alone.
final class PostgresGroupCommitWriter: Sendable {
    private struct State {
        var pending: [PendingWrite] = []
        var isClosing = false
        var statistics = StoreWriteStatistics()
    }

    private let connector: PostgresConnector
    private let maxBatchSize: Int
    private let maxBatchWait: Duration
    private let deadlockRetries: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let loop = Mutex<Task<Void, Never>?>(nil)

    /// The channel of the notification sent by every transaction that made deliveries ready.
    static let readyChannel = "gerbang_ready"

    /// Starts the writer task on `connection` (the store's first connection, already migrated).
    init(connection: PostgresConnection, connector: PostgresConnector, maxBatchSize: Int, maxBatchWait: Duration,
         deadlockRetries: Int, logger: Logger) {
        self.connector = connector
        self.maxBatchSize = maxBatchSize
        self.maxBatchWait = maxBatchWait
        self.deadlockRetries = deadlockRetries
        self.logger = logger
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let task = Task { [self] in await self.run(connection: connection) }
        loop.withLock { $0 = task }
    }

    /// Runs `operation` in the next batch transaction and returns its result once that
    /// transaction has committed. Fails with `store.closed` after ``close()``.
    func submit<Value: Sendable>(
        durability: WriteDurability = .synced,
        needsWriteOrder: Bool = false,
        _ operation: @escaping @Sendable (PostgresWriteTransaction) async throws -> Value
    ) async throws(StoreError) -> Value {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Value, StoreError>, Never>) in
            enqueue(PendingWrite(operation, durability: durability, needsWriteOrder: needsWriteOrder,
                                 continuation: continuation))
        }
        return try result.get()
    }

    /// A snapshot of the write counters.
    var currentStatistics: StoreWriteStatistics {
        state.withLock { $0.statistics }
    }

    /// Adds appended and duplicate counts (reported by the append path after its commit).
    func recordAppend(duplicate: Bool) {
        state.withLock { state in
            if duplicate { state.statistics.duplicates += 1 } else { state.statistics.eventsAppended += 1 }
        }
    }

    /// Commits the operations already submitted, refuses new ones, closes the connection and
    /// returns when the writer task has finished.
    func close() async {
        beginClosing()
        let task = loop.withLock { $0 }
        await task?.value
    }

    /// Refuses new operations and lets the task end once it has committed the pending ones.
    func beginClosing() {
        state.withLock { $0.isClosing = true }
        wake.yield()
    }

    // MARK: Writer task

    private func enqueue(_ write: PendingWrite) {
        let accepted = state.withLock { state in
            guard !state.isClosing else { return false }
            state.pending.append(write)
            return true
        }
        guard accepted else {
            write.fail(StoreError(.closed, "the store is closed"))
            return
        }
        wake.yield()
    }

    private func run(connection initial: PostgresConnection) async {
        var connection: PostgresConnection? = initial
        // The session's `synchronous_commit`: on when a connection opens (PostgresConnector).
        var syncsEveryCommit = true
        for await _ in wakeUps {
            while let batch = await nextBatch() {
                connection = await commit(batch, on: connection, syncsEveryCommit: &syncsEveryCommit)
            }
            if state.withLock({ $0.isClosing && $0.pending.isEmpty }) { break }
        }
        if let connection { try? await connection.close() }
    }

    /// The next batch (nil when nothing is pending), after the optional wait for it to fill.
    private func nextBatch() async -> [PendingWrite]? {
        let (count, oldest, closing) = state.withLock { ($0.pending.count, $0.pending.first?.submittedAt, $0.isClosing) }
        guard count > 0, let oldest else { return nil }
        if (count < maxBatchSize) && (maxBatchWait > .zero) && !closing {
            try? await Task.sleep(until: oldest + maxBatchWait, clock: .continuous)
        }
        return state.withLock { state in
            let taken = Array(state.pending.prefix(maxBatchSize))
            state.pending.removeFirst(taken.count)
            return taken.isEmpty ? nil : taken
        }
    }

    /// The fate of one operation of the batch being committed.
    private enum OperationFate {
        case notRun
        case succeeded(PendingWrite.Completion)
        case failedAlone
    }

    /// Commits `batch` and answers its operations; returns the connection to use next (nil when
    /// it broke: the next batch connects again).
    /// `syncsEveryCommit` is the connection's `synchronous_commit` setting (kept between batches).
    private func commit(_ batch: [PendingWrite], on current: PostgresConnection?,
                        syncsEveryCommit: inout Bool) async -> PostgresConnection? {
        var connection = current
        var fates = [OperationFate](repeating: .notRun, count: batch.count)
        let started = ContinuousClock.now
        let needsSync = batch.contains { $0.durability == .synced }
        var attempt = 0
        var isolated = false
        while true {
            do {
                let live: PostgresConnection
                if let connection, !connection.isClosed {
                    live = connection
                } else {
                    live = try await connector.connect()
                    connection = live
                    syncsEveryCommit = true
                }
                try await runTransaction(batch, fates: &fates, needsSync: needsSync, isolated: isolated,
                                         syncsEveryCommit: &syncsEveryCommit, on: live)
                break
            } catch {
                if let connection, !connection.isClosed {
                    _ = try? await connection.rows("ROLLBACK", logger: logger)
                }
                if error is IsolationNeeded {
                    isolated = true
                    for index in fates.indices {
                        if case .succeeded = fates[index] { fates[index] = .notRun }
                    }
                    continue
                }
                if StoreError.isRetryableConflict(error), attempt < deadlockRetries {
                    attempt += 1
                    logger.debug("store batch aborted by a conflict with another session; running it again",
                                 metadata: ["attempt": "\(attempt)"])
                    for index in fates.indices {
                        if case .succeeded = fates[index] { fates[index] = .notRun }
                    }
                    continue
                }
                fail(batch, fates: fates, error: StoreError(mapping: error, context: "commit of \(batch.count) operations"))
                if let broken = connection, broken.isClosed { return nil }
                return connection
            }
        }
        let elapsed = started.duration(to: .now)
        let recovered = state.withLock { state in
            state.statistics.transactions += 1
            if needsSync { state.statistics.syncedTransactions += 1 }
            state.statistics.operations += batch.count
            state.statistics.largestBatch = max(state.statistics.largestBatch, batch.count)
            state.statistics.commitSeconds += elapsed.timeInterval
            defer { state.statistics.isFailing = false }
            return state.statistics.isFailing
        }
        if recovered { logger.notice("store writes recovered") }
        logger.trace("store batch committed", metadata: ["operations": "\(batch.count)", "duration": "\(elapsed)"])
        for fate in fates {
            if case .succeeded(let completion) = fate { completion(nil) }
        }
        return connection
    }

    /// `BEGIN`, the operations, the notification, `COMMIT`. Operations that failed alone are
    /// answered here; the others in `fates`.
    ///
    /// A batch first runs without savepoints (two round trips fewer per operation). If one of its
    /// operations fails on its own (a bad argument, a constraint), the transaction is aborted and
    /// ``IsolationNeeded`` thrown: the batch is rolled back and run again with `isolated`, each
    /// operation in its own `SAVEPOINT`, so that the failing one is rolled back alone and the
    /// others commit.
    ///
    /// The session's `synchronous_commit` is switched (outside the transaction) only when the
    /// batch needs the other setting than the previous one, like the SQLite writer's
    /// `synchronous` pragma: consecutive batches of one kind pay nothing for it.
    private func runTransaction(_ batch: [PendingWrite], fates: inout [OperationFate], needsSync: Bool, isolated: Bool,
                                syncsEveryCommit: inout Bool, on connection: PostgresConnection) async throws {
        if needsSync != syncsEveryCommit {
            try await connection.rows(needsSync ? "SET synchronous_commit = on" : "SET synchronous_commit = off",
                                      logger: logger)
            syncsEveryCommit = needsSync
        }
        try await connection.rows("BEGIN", logger: logger)
        if batch.contains(where: \.needsWriteOrder) {
            try await connection.rows(
                "SELECT pg_advisory_xact_lock(\(AdvisoryLock.classKey), \(AdvisoryLock.writeOrder))", logger: logger)
        }
        let transaction = PostgresWriteTransaction(connection: connection, logger: logger)
        let alone = batch.count == 1
        for (index, write) in batch.enumerated() {
            if case .failedAlone = fates[index] { continue }
            let saved = transaction.checkpoint()
            if isolated { try await connection.rows("SAVEPOINT operation", logger: logger) }
            do {
                fates[index] = .succeeded(try await write.run(transaction))
                if isolated { try await connection.rows("RELEASE SAVEPOINT operation", logger: logger) }
            } catch where StoreError.isOperationLocal(error) {
                if !isolated && !alone { throw IsolationNeeded() }
                if isolated { try await connection.rows("ROLLBACK TO SAVEPOINT operation", logger: logger) }
                transaction.restore(saved)
                fates[index] = .failedAlone
                write.fail(StoreError(mapping: error, context: "write operation"))
                if alone { throw CommitAbandoned() }
            }
        }
        try await transaction.flushAuditRecords()
        if !transaction.readySubscriptions.isEmpty {
            try await connection.rows(
                "SELECT pg_notify(\(Self.readyChannel), \(Self.readyPayload(transaction.readySubscriptions)))",
                logger: logger)
        }
        try await connection.rows("COMMIT", logger: logger)
    }

    /// An operation of a batch run without savepoints failed on its own: run the batch again
    /// with one savepoint per operation.
    private struct IsolationNeeded: Error {}

    /// The single operation of a batch failed alone: roll back, nothing else to answer.
    private struct CommitAbandoned: Error {}

    /// The `gerbang_ready` payload: the subscription ids, sorted, comma-separated; `*` (every
    /// subscription) when they would not fit PostgreSQL's 8,000-byte payload limit.
    static func readyPayload(_ subscriptions: Set<String>) -> String {
        let payload = subscriptions.sorted().joined(separator: ",")
        return payload.utf8.count < 7_900 ? payload : "*"
    }

    private func fail(_ batch: [PendingWrite], fates: [OperationFate], error: StoreError) {
        let alone = fates.allSatisfy { if case .failedAlone = $0 { true } else { false } }
        if alone { return }
        state.withLock { state in
            state.statistics.failedTransactions[error.reason.rawValue, default: 0] += 1
            state.statistics.isFailing = true
        }
        logger.error("store batch failed; nothing of it was stored",
                     metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)",
                                "operations": "\(batch.count)"])
        for (write, fate) in zip(batch, fates) {
            switch fate {
            case .notRun: write.fail(error)
            case .succeeded(let completion): completion(error)
            case .failedAlone: break
            }
        }
    }
}
