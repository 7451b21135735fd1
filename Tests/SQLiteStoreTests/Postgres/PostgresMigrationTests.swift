import Foundation
import PostgresNIO
import PostgresStore
import Store
import Testing

@Suite("PostgresStore: schema migrations")
struct PostgresMigrationTests {
    @Test("migrations are applied once, recorded by number, and reopening applies nothing")
    func migrationsAreIdempotent() async throws {
        let database = try PostgresTestDatabase()
        let first = try await PostgresStore.open(configuration: database.configuration(), logger: .quietTestLogger)
        _ = try await first.appendNew(TestEvents.make(id: "m-1"))
        await first.close()
        let second = try await PostgresStore.open(configuration: database.configuration(), logger: .quietTestLogger)
        #expect(try await second.event(source: TestEvents.make(id: "m-1").source, id: "m-1") != nil)
        await second.close()
        let versions = try await database.withConnection { connection in
            try await connection.query("SELECT version FROM gerbang_schema_migrations ORDER BY version",
                                       logger: .quietTestLogger).collect().map { try $0.decode(Int64.self) }
        }
        #expect(versions == [1, 2, 3, 4])
    }

    @Test("three stores opening one empty database at once migrate it exactly once")
    func concurrentOpensDoNotRace() async throws {
        let database = try PostgresTestDatabase()
        let configuration = database.configuration()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<3 {
                group.addTask { try await PostgresStore.open(configuration: configuration, logger: .quietTestLogger) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(stores.count == 3)
        for (index, store) in stores.enumerated() { _ = try await store.appendNew(TestEvents.make(id: "c-\(index)")) }
        for store in stores { await store.close() }
        let rows = try await database.withConnection { connection in
            try await connection.query("SELECT version, count(*) FROM gerbang_schema_migrations GROUP BY version ORDER BY version",
                                       logger: .quietTestLogger).collect().map { try $0.decode((Int64, Int64).self) }
        }
        #expect(rows.map(\.0) == [1, 2, 3, 4])
        #expect(rows.allSatisfy { $0.1 == 1 })
    }

    @Test("a database migrated by a newer version is refused with store.unsupported-schema")
    func newerSchemaIsRefused() async throws {
        let database = try PostgresTestDatabase()
        await (try await PostgresStore.open(configuration: database.configuration(), logger: .quietTestLogger)).close()
        try await database.withConnection { connection in
            try await connection.query("INSERT INTO gerbang_schema_migrations (version, name) VALUES (99, 'from the future')",
                                       logger: .quietTestLogger)
        }
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.open(configuration: database.configuration(), logger: .quietTestLogger)
        }
        #expect(error?.reason == .unsupportedSchema)
    }
}
