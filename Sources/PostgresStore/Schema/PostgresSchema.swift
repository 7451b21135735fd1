/// The PostgreSQL schema, as numbered migrations (see `docs/store.md`, "PostgreSQL").
///
/// The tables and columns are those of the SQLite store (`StoreSchema` in `SQLiteStore`), with
/// PostgreSQL types: times are `BIGINT` milliseconds since the Unix epoch, bytes are `BYTEA`,
/// delivery states are the raw values of `DeliveryState`. A migration is never edited once
/// released: a change is a new migration with the next number.
enum PostgresSchema {
    /// One migration: its number (1, 2, …, applied in order), a name for
    /// `gerbang_schema_migrations`, and its statements (one SQL statement each).
    struct Migration: Sendable {
        let version: Int64
        let name: String
        let statements: [String]
    }

    /// Every migration this version knows, in order.
    static let migrations: [Migration] = [
        Migration(version: 1, name: "events, deliveries, attempts", statements: [
            // Accepted events in acceptance order. An identity column never reuses a number.
            """
            CREATE TABLE event (
                seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source        TEXT   NOT NULL,
                event_id      TEXT   NOT NULL,
                type          TEXT   NOT NULL,
                subject       TEXT,
                partition_key TEXT,
                time          TEXT,
                accepted_at   BIGINT NOT NULL,
                body          BYTEA  NOT NULL
            )
            """,
            // Lookup by (source, id) and the de-duplication window (newest first).
            "CREATE INDEX event_by_source_id ON event (source, event_id, seq)",
            "CREATE INDEX event_by_accepted_at ON event (accepted_at)",
            """
            CREATE TABLE delivery (
                id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                seq               BIGINT NOT NULL REFERENCES event (seq) ON DELETE CASCADE,
                subscription      TEXT   NOT NULL,
                partition_key     TEXT,
                state             TEXT   NOT NULL
                    CHECK (state IN ('ready', 'inflight', 'waiting', 'dead', 'acked')),
                attempt           INTEGER NOT NULL DEFAULT 0,
                consumer          TEXT,
                lease_deadline    BIGINT,
                retry_at          BIGINT,
                last_error_reason TEXT,
                last_error_detail TEXT,
                dead_at           BIGINT,
                updated_at        BIGINT NOT NULL,
                UNIQUE (seq, subscription)
            )
            """,
            // Claims in acceptance order and queue statistics.
            "CREATE INDEX delivery_by_queue ON delivery (subscription, state, seq)",
            // Partition ordering: is a partition blocked by an in-flight or waiting delivery?
            """
            CREATE INDEX delivery_blocking_partition ON delivery (subscription, partition_key)
                WHERE partition_key IS NOT NULL AND state IN ('inflight', 'waiting')
            """,
            // Timers, disconnects, dead-letter age.
            "CREATE INDEX delivery_by_lease ON delivery (lease_deadline) WHERE state = 'inflight'",
            "CREATE INDEX delivery_by_retry ON delivery (retry_at) WHERE state = 'waiting'",
            "CREATE INDEX delivery_by_consumer ON delivery (consumer) WHERE state = 'inflight'",
            "CREATE INDEX delivery_by_death ON delivery (dead_at) WHERE state = 'dead'",
            """
            CREATE TABLE delivery_attempt (
                id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                delivery_id  BIGINT  NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
                attempt      INTEGER NOT NULL,
                consumer     TEXT    NOT NULL,
                started_at   BIGINT  NOT NULL,
                ended_at     BIGINT,
                outcome      TEXT,
                error_reason TEXT,
                error_detail TEXT
            )
            """,
            "CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (delivery_id, id)",
            "CREATE INDEX delivery_attempt_open ON delivery_attempt (delivery_id) WHERE ended_at IS NULL",
        ]),
        Migration(version: 2, name: "admin actions", statements: [
            """
            CREATE TABLE admin_actions (
                id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                operator     TEXT   NOT NULL,
                role         TEXT   NOT NULL,
                action       TEXT   NOT NULL,
                arguments    TEXT   NOT NULL,
                requested_at BIGINT NOT NULL,
                outcome      TEXT   NOT NULL,
                detail       TEXT   NOT NULL
            )
            """,
            "CREATE INDEX admin_actions_by_time ON admin_actions (requested_at)",
        ]),
        Migration(version: 3, name: "audit trail", statements: [
            // The hash chain (docs/audit.md): encoding carries index, kind, time and fields;
            // hash = SHA-256(previous hash || encoding).
            """
            CREATE TABLE audit_record (
                idx      BIGINT PRIMARY KEY,
                kind     TEXT   NOT NULL,
                at       BIGINT NOT NULL,
                encoding BYTEA  NOT NULL,
                hash     BYTEA  NOT NULL
            )
            """,
            """
            CREATE TABLE audit_checkpoint (
                id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                record_count BIGINT NOT NULL,
                head_hash    BYTEA  NOT NULL,
                at           BIGINT NOT NULL,
                jws          TEXT   NOT NULL
            )
            """,
            """
            CREATE TABLE audit_anchor (
                id            INTEGER PRIMARY KEY CHECK (id = 1),
                first_index   BIGINT NOT NULL,
                previous_hash BYTEA  NOT NULL,
                archive       TEXT   NOT NULL,
                archived_at   BIGINT NOT NULL
            )
            """,
            // Bytes of accepted events whose event row was pruned while their records are kept.
            "CREATE TABLE audit_event_body (seq BIGINT PRIMARY KEY, body BYTEA NOT NULL)",
        ]),
        Migration(version: 4, name: "cluster nodes", statements: PostgresClusterSchema.statements),
    ]
}
