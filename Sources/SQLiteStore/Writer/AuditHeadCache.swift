import Audit
import GRDB

/// The audit chain's head as the store writer last appended it, so that each record does not
/// read it back (`SELECT … ORDER BY idx DESC LIMIT 1` was a third of a record's cost on the
/// writer thread, benchmark `w1 --compare-audit`).
///
/// The head is only trusted while nothing was rolled back: the group-commit writer calls
/// ``invalidate()`` whenever an operation's savepoint or a whole batch transaction rolls back,
/// and the next record reads the head from the database again.
///
/// `Sendable` (`@unchecked`): the head is read and written only by write operations and by the
/// writer's rollback handling, which all run one at a time, in order, on the store's single
/// writer (``GroupCommitWriter`` runs its batches one after the other, each synchronously inside
/// GRDB's serial writer queue), so there is never concurrent access.
final class AuditHeadCache: @unchecked Sendable {
    private var head: (index: Int64, hash: [UInt8])?

    /// Appends `entry` after the known head (read from `database` when unknown) and remembers
    /// the new head.
    @discardableResult
    func append(_ entry: AuditEntry, in database: Database) throws -> AuditRecord {
        let current = try head ?? AuditLedger.head(in: database)
        let record = AuditLedger.nextRecord(entry, after: current)
        // A hot statement: one record per accepted event and per batch of ACKs. The writer
        // connection stores records only here, so its cached statement of this SQL is this one's.
        let insert = try HotStatement(AuditLedger.insertSQL, in: database)
        insert.bind(1, record.index)
        insert.bind(2, record.kind)
        insert.bind(3, record.timeMilliseconds)
        insert.bind(4, blob: record.encoding)
        insert.bind(5, blob: record.hash)
        try insert.execute()
        head = (record.index, record.hash)
        return record
    }

    /// Forgets the head (after a rollback, or a write that changed the records another way).
    func invalidate() {
        head = nil
    }
}
