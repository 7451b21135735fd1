import Foundation
import Store

/// Tuning a behaviour test asks of a backend; each backend maps it to its own configuration.
struct StoreTestOptions: Sendable {
    var deduplicationWindow: Duration = .seconds(3600)
    var retention: Duration = .seconds(7200)
    var maxBatchSize: Int = 512
    var maxBatchWait: Duration = .zero
    var releaseInFlightOnOpen: Bool = true
}

/// A storage backend under test: the behavioural suite runs every test once per backend in
/// ``StoreBackend/all`` (SQLite and PostgreSQL).
struct StoreBackend: Sendable, CustomStringConvertible {
    /// Shown in test names.
    let name: String
    /// Creates empty, isolated storage and returns a way to open it (repeatedly).
    let makeStorage: @Sendable (StoreTestOptions) throws -> StoreTestStorage

    var description: String { name }

    /// Every backend the behavioural suite runs against.
    static let all: [StoreBackend] = [.sqlite, .postgres]
}

/// Isolated storage for one test (a temporary directory, a scratch database…).
final class StoreTestStorage: Sendable {
    /// Opens a store on this storage; may be called again after closing to test a restart.
    let open: @Sendable () async throws -> any EventStore
    /// Removes the storage.
    let destroy: @Sendable () -> Void

    init(open: @escaping @Sendable () async throws -> any EventStore, destroy: @escaping @Sendable () -> Void) {
        self.open = open
        self.destroy = destroy
    }

    deinit { destroy() }
}

extension StoreBackend {
    /// Opens fresh storage, runs `body` with an open store, and closes the store afterwards.
    func withStore<Result>(
        _ options: StoreTestOptions = StoreTestOptions(),
        _ body: (any EventStore, StoreTestStorage) async throws -> Result
    ) async throws -> Result {
        let storage = try makeStorage(options)
        let store = try await storage.open()
        do {
            let result = try await body(store, storage)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
