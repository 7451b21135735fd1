import Audit
import Logging
import NIOCore
import PostgresNIO
import Store
import Synchronization

/// Reads the audit tables of a PostgreSQL store for `gerbang audit verify` and
/// `gerbang audit export` (the ``AuditSource`` of the SQLite store's `SQLiteAuditSource`), while
/// brokers keep writing: each read is one statement, and records are immutable once committed.
///
/// ``AuditSource`` is synchronous, so this type waits for PostgresNIO's futures
/// (`EventLoopFuture.wait()`), which blocks the calling thread — never an event-loop thread: the
/// connection runs on PostgresNIO's own event loops. Call it from a command's thread, as the CLI
/// does, not from a task on Swift's cooperative pool.
///
/// Not `Sendable`: one verification uses it. The connection is closed in `deinit`.
public final class PostgresAuditSource: AuditSource {
    private let connection: PostgresConnection
    private let logger: Logger

    /// Connects to the store at `url` (`postgres://user@host:port/database`). Fails with
    /// `audit.store` when the server cannot be reached or the database has no audit trail.
    public init(url: String, logger: Logger = Logger(label: "gerbang.audit.source")) throws(AuditError) {
        let parsed: PostgresConnectionURL
        do {
            parsed = try PostgresConnectionURL(url)
        } catch {
            throw AuditError(.store, error.message)
        }
        let connector = PostgresConnector(url: parsed, connectTimeout: .seconds(10), logger: logger)
        let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
        do {
            connection = try PostgresConnection.connect(on: eventLoop, configuration: connector.configuration, id: 1,
                                                        logger: logger).wait()
        } catch {
            let mapped = StoreError(mapping: error, context: "connect to \(parsed.redacted)")
            throw AuditError(.store, "\(mapped.reason.rawValue): \(mapped.message)")
        }
        self.logger = logger
        let tables = try rows("SELECT to_regclass('audit_record') IS NOT NULL")
        guard let exists = tables.first, (try? exists.decode(Bool.self)) == true else {
            throw AuditError(.store, "\(parsed.redacted) has no audit trail (table audit_record)")
        }
    }

    deinit {
        try? connection.close().wait()
    }

    /// The retention anchor.
    public func anchor() throws(AuditError) -> AuditAnchor? {
        guard let row = try rows("SELECT first_index, previous_hash, archive FROM audit_anchor WHERE id = 1").first else {
            return nil
        }
        return try decode {
            let (firstIndex, previousHash, archive) = try row.decode((Int64, ByteBuffer, String).self)
            return AuditAnchor(firstIndex: firstIndex, previousHash: Array(previousHash.readableBytesView), archive: archive)
        }
    }

    /// Records in index order.
    public func records(from: Int64, to: Int64, limit: Int) throws(AuditError) -> [AuditRecord] {
        let found = try rows("""
            SELECT idx, kind, at, encoding, hash FROM audit_record WHERE idx >= $1 AND idx <= $2 ORDER BY idx LIMIT $3
            """, [PostgresData(int64: from), PostgresData(int64: to), PostgresData(int64: Int64(limit))])
        return try decode {
            try found.map { row in
                let (index, kind, at, encoding, hash) = try row.decode((Int64, String, Int64, ByteBuffer, ByteBuffer).self)
                return AuditRecord(index: index, kind: kind, timeMilliseconds: at,
                                   encoding: Array(encoding.readableBytesView), hash: Array(hash.readableBytesView))
            }
        }
    }

    /// Checkpoints, oldest first.
    public func checkpoints() throws(AuditError) -> [AuditCheckpoint] {
        let found = try rows("SELECT record_count, head_hash, at, jws FROM audit_checkpoint ORDER BY id")
        return try decode {
            try found.map { row in
                let (count, head, at, jws) = try row.decode((Int64, ByteBuffer, Int64, String).self)
                return AuditCheckpoint(recordCount: count, headHash: Array(head.readableBytesView), timeMilliseconds: at,
                                       jws: jws)
            }
        }
    }

    /// An accepted event's bytes: the kept body once its event row was pruned, else the row's.
    public func eventBody(sequence: Int64) throws(AuditError) -> [UInt8]? {
        let found = try rows("""
            SELECT body FROM (
                SELECT body, 0 AS preference FROM audit_event_body WHERE seq = $1
                UNION ALL
                SELECT body, 1 AS preference FROM event WHERE seq = $1
            ) AS kept ORDER BY preference LIMIT 1
            """, [PostgresData(int64: sequence)])
        guard let row = found.first else { return nil }
        return try decode { Array(try row.decode(ByteBuffer.self).readableBytesView) }
    }

    /// Runs one statement and waits for its rows, or for the connection to close (PostgresNIO
    /// would otherwise wait forever for a query written to a connection the server just closed,
    /// see `PostgresConnection.rows(_:logger:)`).
    private func rows(_ sql: String, _ binds: [PostgresData] = []) throws(AuditError) -> [PostgresRow] {
        do {
            guard !connection.isClosed else { throw StoreError(.unavailable, "the connection to the database server is closed") }
            let answer = connection.eventLoop.makePromise(of: [PostgresRow].self)
            let first = FirstAnswer()
            @Sendable func settle(_ result: Result<[PostgresRow], any Error>) {
                if first.claim() { answer.completeWith(result) }
            }
            connection.closeFuture.whenComplete { _ in
                settle(.failure(StoreError(.unavailable, "the database server closed the connection")))
            }
            connection.query(sql, binds).whenComplete { result in settle(result.map(\.rows)) }
            return try answer.futureResult.wait()
        } catch {
            let mapped = StoreError(mapping: error, context: "reading the audit tables")
            throw AuditError(.store, "\(mapped.reason.rawValue): \(mapped.message)")
        }
    }

    private func decode<Value>(_ body: () throws -> Value) throws(AuditError) -> Value {
        do {
            return try body()
        } catch {
            throw AuditError(.store, "reading the audit tables: unexpected column types (\(error))")
        }
    }
}

/// Lets only the first of two racing answers through.
///
/// `Sendable`: its one flag is inside a `Mutex`.
private final class FirstAnswer: Sendable {
    private let answered = Mutex(false)

    /// True for the first caller only.
    func claim() -> Bool {
        answered.withLock { answered in
            defer { answered = true }
            return !answered
        }
    }
}
