import Foundation
import GRDB

/// Appends to and reads the audit tables inside a GRDB `Database` (the store's own
/// transactions: an event and its audit record commit together).
///
/// `Sendable`: a namespace without state.
public enum AuditLedger {
    /// The record `entry` becomes after `head` (the chain's head in the caller's transaction, as
    /// ``head(in:)`` reads it, or as the caller keeps it): its index, encoding and chain hash.
    /// Storing it is the caller's, with ``insertSQL`` (parameters in that order), inside the
    /// transaction that makes the recorded change.
    public static func nextRecord(_ entry: AuditEntry, after head: (index: Int64, hash: [UInt8])) -> AuditRecord {
        let index = head.index + 1
        let encoding = AuditEncoding.encode(entry, index: index)
        return AuditRecord(index: index, kind: entry.kind.rawValue, timeMilliseconds: entry.timeMilliseconds,
                           encoding: encoding, hash: AuditChain.link(previous: head.hash, encoding: encoding))
    }

    /// The statement that stores a record: parameters index, kind, time (ms), encoding, hash.
    public static let insertSQL = "INSERT INTO audit_record (idx, kind, at, encoding, hash) VALUES (?, ?, ?, ?, ?)"

    /// The newest record's index and hash; with no record, the anchor's (first index - 1,
    /// previous hash), or (0, genesis).
    public static func head(in database: Database) throws -> (index: Int64, hash: [UInt8]) {
        if let row = try Row.fetchOne(database.cachedStatement(sql: "SELECT idx, hash FROM audit_record ORDER BY idx DESC LIMIT 1")) {
            return (row["idx"], [UInt8](row["hash"] as Data))
        }
        let anchor = try self.anchor(in: database) ?? .genesis
        return (anchor.firstIndex - 1, anchor.previousHash)
    }

    /// The retention anchor, if records were ever pruned.
    public static func anchor(in database: Database) throws -> AuditAnchor? {
        guard let row = try Row.fetchOne(database, sql: "SELECT first_index, previous_hash, archive FROM audit_anchor WHERE id = 1") else {
            return nil
        }
        return AuditAnchor(firstIndex: row["first_index"], previousHash: [UInt8](row["previous_hash"] as Data), archive: row["archive"])
    }

    /// Up to `limit` records with index ≥ `from` (and ≤ `to`), in index order.
    public static func records(from: Int64, to: Int64 = .max, limit: Int, in database: Database) throws -> [AuditRecord] {
        try Row.fetchAll(database, sql: """
            SELECT idx, kind, at, encoding, hash FROM audit_record WHERE idx >= ? AND idx <= ? ORDER BY idx LIMIT ?
            """, arguments: [from, to, limit]).map { row in
            AuditRecord(index: row["idx"], kind: row["kind"], timeMilliseconds: row["at"],
                        encoding: [UInt8](row["encoding"] as Data), hash: [UInt8](row["hash"] as Data))
        }
    }

    /// Every checkpoint, oldest first.
    public static func checkpoints(in database: Database) throws -> [AuditCheckpoint] {
        try Row.fetchAll(database, sql: "SELECT record_count, head_hash, at, jws FROM audit_checkpoint ORDER BY id").map { row in
            AuditCheckpoint(recordCount: row["record_count"], headHash: [UInt8](row["head_hash"] as Data),
                            timeMilliseconds: row["at"], jws: row["jws"])
        }
    }

    /// The bytes of the accepted event with sequence number `sequence`: from `audit_event_body`
    /// once its event row was pruned, else from the store's `event` row; nil when neither holds
    /// them. `tables` says which of the two tables the store has (a store older than
    /// `audit_event_body` lacks it); a reader checks that once, not per record.
    public static func eventBody(sequence: Int64, tables: EventBodyTables, in database: Database) throws -> [UInt8]? {
        if tables.keptBodies,
           let kept = try Data.fetchOne(database.cachedStatement(sql: "SELECT body FROM audit_event_body WHERE seq = ?"),
                                        arguments: [sequence]) {
            return [UInt8](kept)
        }
        guard tables.events else { return nil }
        return try Data.fetchOne(database.cachedStatement(sql: "SELECT body FROM event WHERE seq = ?"),
                                 arguments: [sequence]).map { [UInt8]($0) }
    }

    /// Which tables of a store hold event bytes.
    public struct EventBodyTables: Sendable {
        /// `audit_event_body` exists.
        public var keptBodies: Bool
        /// `event` exists.
        public var events: Bool

        /// The tables `database` has.
        public init(of database: Database) throws {
            keptBodies = try database.tableExists("audit_event_body")
            events = try database.tableExists("event")
        }
    }

    /// Copies the bodies of the events `sequences` from the store's `event` rows into
    /// `audit_event_body` (before those rows are deleted), when the trail has any record;
    /// runs inside the caller's transaction.
    public static func preserveEventBodies(_ sequences: [Int64], in database: Database) throws {
        guard !sequences.isEmpty, try hasRecords(in: database) else { return }
        let copy = try database.cachedStatement(sql: "INSERT OR IGNORE INTO audit_event_body (seq, body) SELECT seq, body FROM event WHERE seq = ?")
        for sequence in sequences { try copy.execute(arguments: [sequence]) }
    }

    /// Whether the trail has ever had a record (records kept, or an anchor left by retention).
    public static func hasRecords(in database: Database) throws -> Bool {
        try Int64.fetchOne(database, sql: "SELECT idx FROM audit_record LIMIT 1") != nil || anchor(in: database) != nil
    }

    /// Deletes the kept bodies of events up to `sequence` (after their records were archived
    /// and deleted); runs inside the caller's transaction. Returns how many were deleted.
    public static func deleteEventBodies(through sequence: Int64, in database: Database) throws -> Int {
        try database.execute(sql: "DELETE FROM audit_event_body WHERE seq <= ?", arguments: [sequence])
        return database.changesCount
    }

    /// Stores a signed checkpoint.
    public static func append(_ checkpoint: AuditCheckpoint, in database: Database) throws {
        try database.execute(sql: "INSERT INTO audit_checkpoint (record_count, head_hash, at, jws) VALUES (?, ?, ?, ?)",
                             arguments: [checkpoint.recordCount, Data(checkpoint.headHash), checkpoint.timeMilliseconds, checkpoint.jws])
    }
}
