import GRDB

/// The audit trail's tables, created by the store's migrator (`docs/audit.md`, "Tables").
///
/// `Sendable`: a namespace without state.
public enum AuditSchema {
    /// The migration identifier the store registers.
    public static let migrationIdentifier = "audit v1: hash-chained audit trail"

    /// The second migration's identifier: event bodies kept apart from their records.
    public static let eventBodiesMigrationIdentifier = "audit v2: event bodies by sequence"

    /// Creates `audit_event_body` (run inside a migration): the bytes of accepted events whose
    /// `event` row was pruned while their audit records are kept. An accepted event's record
    /// carries the SHA-256 of these bytes; while the event row exists its `body` is the copy.
    public static func createEventBodies(in database: Database) throws {
        try database.execute(sql: """
            CREATE TABLE audit_event_body (
                seq  INTEGER PRIMARY KEY,
                body BLOB NOT NULL
            );
            """)
    }

    /// Creates the tables (run inside a migration).
    public static func create(in database: Database) throws {
        try database.execute(sql: """
            -- One row per record; `encoding` is the canonical encoding (it carries the index, kind,
            -- time and fields), `hash` = SHA-256(previous hash || encoding). `kind` and `at` repeat
            -- the encoding for queries; `verify` checks they agree. No index on `at`: every append
            -- would pay for it, and retention finds its boundary by scanning from the oldest
            -- record in index order (records are appended in time order), stopping at the first
            -- record it keeps.
            CREATE TABLE audit_record (
                idx      INTEGER PRIMARY KEY,
                kind     TEXT    NOT NULL,
                at       INTEGER NOT NULL,
                encoding BLOB    NOT NULL,
                hash     BLOB    NOT NULL
            );

            -- Signed checkpoints: the broker's JWS over the statement built from
            -- (record_count, head_hash, at), see AuditCheckpoint.statement.
            CREATE TABLE audit_checkpoint (
                id           INTEGER PRIMARY KEY,
                record_count INTEGER NOT NULL,
                head_hash    BLOB    NOT NULL,
                at           INTEGER NOT NULL,
                jws          TEXT    NOT NULL
            );

            -- Where the retained chain starts after retention archived and deleted older records:
            -- the first kept index, the hash of the record before it, and the archive holding it.
            CREATE TABLE audit_anchor (
                id             INTEGER PRIMARY KEY CHECK (id = 1),
                first_index    INTEGER NOT NULL,
                previous_hash  BLOB    NOT NULL,
                archive        TEXT    NOT NULL,
                archived_at    INTEGER NOT NULL
            );
            """)
    }
}
