import Logging
import PostgresNIO
import Store

/// Applies ``PostgresSchema/migrations`` that a database lacks, recording each in
/// `gerbang_schema_migrations (version, name, applied_at)`.
///
/// Everything happens in one transaction that first takes the advisory lock
/// ``AdvisoryLock/migrations``: nodes that open the store at the same moment wait for each other,
/// and the second finds the migrations already recorded. A database with a version this code
/// does not know was migrated by a newer Gerbang and is refused (`store.unsupported-schema`).
enum PostgresMigrator {
    /// Migrates the database `connection` is connected to; returns the versions it applied.
    @discardableResult
    static func migrate(on connection: PostgresConnection, logger: Logger) async throws(StoreError) -> [Int64] {
        do {
            try await connection.rows("BEGIN", logger: logger)
            do {
                let applied = try await migrateInTransaction(on: connection, logger: logger)
                try await connection.rows("COMMIT", logger: logger)
                if !applied.isEmpty {
                    logger.info("store schema migrated", metadata: ["versions": "\(applied)"])
                }
                return applied
            } catch {
                _ = try? await connection.rows("ROLLBACK", logger: logger)
                throw error
            }
        } catch {
            throw StoreError(mapping: error, context: "migrate the schema")
        }
    }

    private static func migrateInTransaction(on connection: PostgresConnection, logger: Logger) async throws -> [Int64] {
        try await connection.rows(
            "SELECT pg_advisory_xact_lock(\(AdvisoryLock.classKey), \(AdvisoryLock.migrations))", logger: logger)
        try await connection.rows("""
            CREATE TABLE IF NOT EXISTS gerbang_schema_migrations (
                version    BIGINT PRIMARY KEY,
                name       TEXT   NOT NULL,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """, logger: logger)
        var known = Set<Int64>()
        for row in try await connection.rows("SELECT version FROM gerbang_schema_migrations", logger: logger) {
            known.insert(try row.decode(Int64.self))
        }
        let newest = PostgresSchema.migrations.last?.version ?? 0
        if let unknown = known.first(where: { $0 > newest }) {
            throw StoreError(.unsupportedSchema,
                             "the database has schema migration \(unknown), written by a newer version of Gerbang (this one knows up to \(newest))")
        }
        var applied: [Int64] = []
        for migration in PostgresSchema.migrations where !known.contains(migration.version) {
            for statement in migration.statements {
                try await connection.rows(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.rows(
                "INSERT INTO gerbang_schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                logger: logger)
            applied.append(migration.version)
        }
        return applied
    }
}
