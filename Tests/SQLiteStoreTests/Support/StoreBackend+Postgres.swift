import Foundation
import GerbangTesting
import PostgresStore
import Store

extension StoreBackend {
    /// PostgreSQL: a fresh database on the test process's shared throwaway server
    /// (`PostgresServer.shared()`, started on first use).
    static let postgres = StoreBackend(name: "postgres") { options in
        let server = try PostgresServer.shared()
        let database = try server.createDatabase(prefix: "store")
        let configuration = PostgresTestConfiguration.make(url: server.url(database: database), options: options)
        return StoreTestStorage(
            open: { try await PostgresStore.open(configuration: configuration, logger: .quietTestLogger) },
            destroy: {}
        )
    }
}

/// The store configuration of a behaviour test's options.
enum PostgresTestConfiguration {
    static func make(url: String, options: StoreTestOptions = StoreTestOptions()) -> PostgresStoreConfiguration {
        PostgresStoreConfiguration(
            url: url,
            poolSize: 2,
            maxBatchSize: options.maxBatchSize,
            maxBatchWait: options.maxBatchWait,
            deduplicationWindow: options.deduplicationWindow,
            retention: options.retention,
            inFlightOnOpen: options.releaseInFlightOnOpen ? .release : .keepUntilDeadline
        )
    }
}
