import Foundation
import GerbangTesting
import Logging
import PostgresNIO
import PostgresStore

/// A fresh database on the shared test server, with a raw connection for the SQL a test runs
/// beside the store (tampering, inspecting the schema).
struct PostgresTestDatabase: Sendable {
    let server: PostgresServer
    let name: String

    /// Creates a database on `server` (default: the process's shared server).
    init(on server: PostgresServer? = nil) throws {
        self.server = try server ?? PostgresServer.shared()
        self.name = try self.server.createDatabase(prefix: "pg")
    }

    var url: String { server.url(database: name) }

    /// A store configuration for this database with every default except `changes`.
    func configuration(_ changes: (inout PostgresStoreConfiguration) -> Void = { _ in }) -> PostgresStoreConfiguration {
        var configuration = PostgresStoreConfiguration(url: url, poolSize: 2)
        changes(&configuration)
        return configuration
    }

    /// Runs `body` with a raw connection to the database.
    @discardableResult
    func withConnection<Value>(_ body: (PostgresConnection) async throws -> Value) async throws -> Value {
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: "127.0.0.1", port: server.port, username: PostgresServer.user, password: nil,
                                 database: name, tls: .disable),
            id: 1, logger: .quietTestLogger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
