import Foundation
import Logging
import SQLiteStore
import Store

extension StoreBackend {
    /// SQLite in a fresh temporary directory.
    static let sqlite = StoreBackend(name: "sqlite") { options in
        let directory = try TemporaryDirectory(prefix: "store-test")
        let configuration = SQLiteStoreConfiguration(
            path: directory.url.appendingPathComponent("gerbang.sqlite").path,
            maxBatchSize: options.maxBatchSize,
            maxBatchWait: options.maxBatchWait,
            deduplicationWindow: options.deduplicationWindow,
            retention: options.retention,
            inFlightOnOpen: options.releaseInFlightOnOpen ? .release : .keepUntilDeadline
        )
        return StoreTestStorage(
            open: { try await SQLiteStore.open(configuration: configuration, logger: .quietTestLogger) },
            destroy: { directory.remove() }
        )
    }
}

extension Logger {
    /// Warnings and errors only, so that test output stays readable.
    static var quietTestLogger: Logger {
        var logger = Logger(label: "test.store")
        logger.logLevel = .warning
        return logger
    }
}
