import Audit
import GRDB

/// The database schema, created and upgraded by GRDB's migrator (see `docs/store.md`).
///
/// Times are integer milliseconds since the Unix epoch. Delivery states are the raw values of
/// `DeliveryState` (`ready`, `inflight`, `waiting`, `dead`, `acked`).
enum StoreSchema {
    /// The migrations, in order. A file with a migration this version does not know is refused
    /// (`store.unsupported-schema`).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events, deliveries, attempts") { database in
            try database.execute(sql: version1)
        }
        migrator.registerMigration("v2: admin actions") { database in
            try database.execute(sql: version2)
        }
        migrator.registerMigration(AuditSchema.migrationIdentifier) { database in
            try AuditSchema.create(in: database)
        }
        migrator.registerMigration(AuditSchema.eventBodiesMigrationIdentifier) { database in
            try AuditSchema.createEventBodies(in: database)
        }
        migrator.registerMigration("v5: cluster nodes") { database in
            try database.execute(sql: clusterNodes)
        }
        migrator.registerMigration("v6: attempt rows only for ended, unacknowledged attempts") { database in
            try database.execute(sql: attemptRowsOnFailure)
        }
        return migrator
    }

    /// Claims and acknowledgements no longer write `delivery_attempt` rows: the attempt in flight,
    /// and the one that was acknowledged, are read from the delivery row (`consumer`,
    /// `claimed_at`, `attempt`; an acknowledgement's end is `updated_at`). A row is written when an
    /// attempt ends any other way (retry, dead letter, lease expired, released, restarted), so the
    /// attempt history reads as before. The consumer index goes: releasing a consumer's
    /// deliveries scans the in-flight deliveries (`delivery_by_lease`), which credit bounds.
    ///
    /// The table is rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter) because its
    /// state check changes form, not meaning: SQLite evaluates `state IN (five values)` by
    /// building a temporary b-tree of the five values at every insert and update of a delivery
    /// (`EXPLAIN` shows an `OpenEphemeral`), a tenth of the writer's time in w1; a chain of
    /// `=` comparisons costs nothing. GRDB runs migrations with foreign keys off and checks them
    /// when the migration ends. See `docs/store.md` "Schema".
    private static let attemptRowsOnFailure = """
        CREATE TABLE delivery_v6 (
            id                INTEGER PRIMARY KEY,
            seq               INTEGER NOT NULL REFERENCES event (seq) ON DELETE CASCADE,
            subscription      TEXT    NOT NULL,
            partition_key     TEXT,
            state             TEXT    NOT NULL
                CHECK (state = 'ready' OR state = 'inflight' OR state = 'waiting' OR state = 'dead'
                       OR state = 'acked'),
            attempt           INTEGER NOT NULL DEFAULT 0,
            consumer          TEXT,     -- in flight: the holder; acknowledged: who acknowledged it
            lease_deadline    INTEGER,
            retry_at          INTEGER,
            last_error_reason TEXT,
            last_error_detail TEXT,
            dead_at           INTEGER,
            updated_at        INTEGER NOT NULL,
            claimed_at        INTEGER,  -- start of the attempt in flight or acknowledged
            UNIQUE (seq, subscription)
        );
        INSERT INTO delivery_v6 (id, seq, subscription, partition_key, state, attempt, consumer, lease_deadline,
                                 retry_at, last_error_reason, last_error_detail, dead_at, updated_at, claimed_at)
        SELECT d.id, d.seq, d.subscription, d.partition_key, d.state, d.attempt,
               CASE d.state
                   WHEN 'acked' THEN (SELECT a.consumer FROM delivery_attempt AS a
                                      WHERE a.delivery_id = d.id AND a.outcome = 'acked' ORDER BY a.id DESC LIMIT 1)
                   ELSE d.consumer END,
               d.lease_deadline, d.retry_at, d.last_error_reason, d.last_error_detail, d.dead_at, d.updated_at,
               CASE d.state
                   WHEN 'inflight' THEN (SELECT a.started_at FROM delivery_attempt AS a
                                         WHERE a.delivery_id = d.id AND a.ended_at IS NULL ORDER BY a.id DESC LIMIT 1)
                   WHEN 'acked' THEN (SELECT a.started_at FROM delivery_attempt AS a
                                      WHERE a.delivery_id = d.id AND a.outcome = 'acked' ORDER BY a.id DESC LIMIT 1)
                   END
        FROM delivery AS d;
        DELETE FROM delivery_attempt WHERE ended_at IS NULL OR outcome = 'acked';
        DROP INDEX delivery_attempt_open;
        DROP TABLE delivery;
        ALTER TABLE delivery_v6 RENAME TO delivery;
        CREATE INDEX delivery_by_queue ON delivery (subscription, state, seq);
        CREATE INDEX delivery_blocking_partition ON delivery (subscription, partition_key)
            WHERE partition_key IS NOT NULL AND state IN ('inflight', 'waiting');
        CREATE INDEX delivery_by_lease ON delivery (lease_deadline) WHERE state = 'inflight';
        CREATE INDEX delivery_by_retry ON delivery (retry_at) WHERE state = 'waiting';
        CREATE INDEX delivery_by_death ON delivery (dead_at) WHERE state = 'dead';
        """

    /// The node registry (`ClusterRegistry`): on SQLite, the one broker that has the file open.
    private static let clusterNodes = """
        CREATE TABLE cluster_node (
            id             TEXT    PRIMARY KEY,
            incarnation    TEXT    NOT NULL,
            endpoints      TEXT    NOT NULL,  -- one per line, adapter endpoint first
            started_at     INTEGER NOT NULL,
            last_heartbeat INTEGER NOT NULL,
            publish_rate   REAL    NOT NULL DEFAULT 0,
            deliver_rate   REAL    NOT NULL DEFAULT 0
        );
        """

    private static let version1 = """
        -- Accepted events, in acceptance order. AUTOINCREMENT: a sequence number is never
        -- reused, even after the newest events were pruned.
        CREATE TABLE event (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            source        TEXT    NOT NULL,
            event_id      TEXT    NOT NULL,
            type          TEXT    NOT NULL,
            subject       TEXT,
            partition_key TEXT,
            time          TEXT,
            accepted_at   INTEGER NOT NULL,
            body          BLOB    NOT NULL
        );
        -- Lookup by (source, id), and the de-duplication window: the newest event of a
        -- (source, id) is a duplicate's original while its accepted_at is within the window.
        CREATE INDEX event_by_source_id ON event (source, event_id);
        CREATE INDEX event_by_accepted_at ON event (accepted_at);

        -- One delivery per (event, subscription).
        CREATE TABLE delivery (
            id                INTEGER PRIMARY KEY,
            seq               INTEGER NOT NULL REFERENCES event (seq) ON DELETE CASCADE,
            subscription      TEXT    NOT NULL,
            partition_key     TEXT,
            state             TEXT    NOT NULL
                CHECK (state IN ('ready', 'inflight', 'waiting', 'dead', 'acked')),
            attempt           INTEGER NOT NULL DEFAULT 0,
            consumer          TEXT,
            lease_deadline    INTEGER,
            retry_at          INTEGER,
            last_error_reason TEXT,
            last_error_detail TEXT,
            dead_at           INTEGER,
            updated_at        INTEGER NOT NULL,
            UNIQUE (seq, subscription)
        );
        -- Claim in acceptance order; queue statistics (covering).
        CREATE INDEX delivery_by_queue ON delivery (subscription, state, seq);
        -- Partition ordering: is a partition blocked by an in-flight or waiting delivery?
        -- Partial, so that appending (ready deliveries) never writes to it.
        CREATE INDEX delivery_blocking_partition ON delivery (subscription, partition_key)
            WHERE partition_key IS NOT NULL AND state IN ('inflight', 'waiting');
        -- Timers and disconnects.
        CREATE INDEX delivery_by_lease ON delivery (lease_deadline) WHERE state = 'inflight';
        CREATE INDEX delivery_by_retry ON delivery (retry_at) WHERE state = 'waiting';
        CREATE INDEX delivery_by_consumer ON delivery (consumer) WHERE state = 'inflight';
        -- Dead letters by age.
        CREATE INDEX delivery_by_death ON delivery (dead_at) WHERE state = 'dead';

        -- Every claim of a delivery and how it ended (NULL outcome: in flight).
        CREATE TABLE delivery_attempt (
            id           INTEGER PRIMARY KEY,
            delivery_id  INTEGER NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
            attempt      INTEGER NOT NULL,
            consumer     TEXT    NOT NULL,
            started_at   INTEGER NOT NULL,
            ended_at     INTEGER,
            outcome      TEXT,
            error_reason TEXT,
            error_detail TEXT
        );
        CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (delivery_id, id);
        CREATE INDEX delivery_attempt_open ON delivery_attempt (delivery_id) WHERE ended_at IS NULL;
        """

    /// The operators' state-changing actions (`gerbang dlq replay|purge`), for the audit trail.
    private static let version2 = """
        CREATE TABLE admin_actions (
            id           INTEGER PRIMARY KEY,
            operator     TEXT    NOT NULL,
            role         TEXT    NOT NULL,
            action       TEXT    NOT NULL,
            arguments    TEXT    NOT NULL,
            requested_at INTEGER NOT NULL,
            outcome      TEXT    NOT NULL,
            detail       TEXT    NOT NULL
        );
        CREATE INDEX admin_actions_by_time ON admin_actions (requested_at);
        """
}
