import Audit
import Logging
import PostgresNIO

/// The batch transaction a write operation runs in: the writer's connection, the audit chain's
/// head as this transaction has extended it, the audit records linked but not yet inserted (one
/// `INSERT` for all of them before the commit), and the subscriptions whose deliveries became
/// ready (announced by one `NOTIFY` before the commit).
///
/// Not `Sendable`: it belongs to the writer task, which runs the batch's operations one after
/// the other.
final class PostgresWriteTransaction {
    /// The writer's connection, inside `BEGIN`.
    let connection: PostgresConnection
    let logger: Logger
    /// The audit chain's head read in this transaction (under the write-order lock) and extended
    /// by its records; nil until the first record of the transaction.
    var auditHead: (index: Int64, hash: [UInt8])?
    /// Subscriptions that got ready deliveries in this transaction.
    private(set) var readySubscriptions: Set<String> = []
    /// Audit records linked in this transaction and not inserted yet: the writer inserts them
    /// all with one statement before `COMMIT` (``flushAuditRecords()``), one round trip per batch
    /// instead of one per record. Nothing in a write operation reads `audit_record` rows newer
    /// than the head it started from, so holding them back until then changes no result.
    private(set) var pendingAuditRecords: [AuditRecord] = []

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs `query` and returns every row.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.rows(query, logger: logger)
    }

    /// Runs `query` for its effect.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await connection.rows(query, logger: logger)
    }

    /// Notes that `subscriptions` have new ready deliveries.
    func markReady<S: Sequence>(_ subscriptions: S) where S.Element == String {
        readySubscriptions.formUnion(subscriptions)
    }

    /// Adds `record` (linked after ``auditHead``) to the records inserted before the commit and
    /// makes it the head.
    func appendAuditRecord(_ record: AuditRecord) {
        pendingAuditRecords.append(record)
        auditHead = (record.index, record.hash)
    }

    /// Inserts the pending audit records in one statement (the writer calls it before `COMMIT`).
    func flushAuditRecords() async throws {
        guard !pendingAuditRecords.isEmpty else { return }
        let records = pendingAuditRecords
        // Byte columns travel as hex text arrays (`decode(…, 'hex')`), which PostgresNIO encodes
        // as `text[]` like the other columns.
        try await execute("""
            INSERT INTO audit_record (idx, kind, at, encoding, hash)
            SELECT idx, kind, at, decode(encoding, 'hex'), decode(hash, 'hex')
            FROM unnest(\(records.map(\.index))::bigint[], \(records.map(\.kind))::text[],
                        \(records.map(\.timeMilliseconds))::bigint[], \(records.map { AuditChain.hex($0.encoding) })::text[],
                        \(records.map { AuditChain.hex($0.hash) })::text[]) AS r (idx, kind, at, encoding, hash)
            ORDER BY idx
            """)
        pendingAuditRecords.removeAll()
    }

    /// What an operation may change beside the database, saved before it runs so that a
    /// rollback to its savepoint restores it.
    struct Checkpoint {
        fileprivate let auditHead: (index: Int64, hash: [UInt8])?
        fileprivate let readySubscriptions: Set<String>
        fileprivate let pendingAuditRecordCount: Int
    }

    /// The state to restore if the next operation is rolled back.
    func checkpoint() -> Checkpoint {
        Checkpoint(auditHead: auditHead, readySubscriptions: readySubscriptions,
                   pendingAuditRecordCount: pendingAuditRecords.count)
    }

    /// Restores the state saved before an operation that was rolled back.
    func restore(_ checkpoint: Checkpoint) {
        auditHead = checkpoint.auditHead
        readySubscriptions = checkpoint.readySubscriptions
        pendingAuditRecords.removeLast(pendingAuditRecords.count - checkpoint.pendingAuditRecordCount)
    }
}
