/// The node registry's table on PostgreSQL, appended to ``PostgresSchema/migrations``.
enum PostgresClusterSchema {
    /// `gerbang_node`: one row per node sharing the database (`docs/deployment.md`). Times are
    /// `BIGINT` milliseconds since the epoch, as everywhere in the store.
    static let statements = [
        """
        CREATE TABLE gerbang_node (
            id             TEXT             PRIMARY KEY,
            incarnation    TEXT             NOT NULL,
            endpoints      TEXT             NOT NULL,
            started_at     BIGINT           NOT NULL,
            last_heartbeat BIGINT           NOT NULL,
            publish_rate   DOUBLE PRECISION NOT NULL DEFAULT 0,
            deliver_rate   DOUBLE PRECISION NOT NULL DEFAULT 0
        )
        """,
    ]
}
