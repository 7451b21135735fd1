import Foundation
import Logging
import PostgresStore
import SQLiteStore
import Store

extension BrokerServices {
    /// Opens the store `store.backend` names: the SQLite file in the data directory, or the
    /// PostgreSQL database at `store.postgres-url` (shared with the other nodes: leases in flight
    /// are kept until their deadline, never released at start).
    static func openStore(_ configuration: BrokerConfiguration,
                          logger: Logger) async throws(BrokerError) -> any AuditCheckpointStore & AuditRetentionStore & EventStore {
        let settings = configuration.store
        switch settings.backend {
        case .sqlite:
            var storeConfiguration = SQLiteStoreConfiguration(
                path: configuration.storePath, maxBatchSize: settings.maxBatchSize,
                maxBatchWait: .milliseconds(settings.maxBatchWaitMilliseconds),
                deduplicationWindow: .seconds(settings.deduplicationWindowSeconds),
                retention: .seconds(settings.retentionSeconds),
                busyTimeout: .milliseconds(settings.busyTimeoutMilliseconds))
            storeConfiguration.auditEnabled = configuration.audit.enabled
            storeConfiguration.fsyncDeliveryTransitions = settings.fsyncDeliveryTransitions
            do {
                return try await SQLiteStore.open(configuration: storeConfiguration, logger: logger)
            } catch {
                throw BrokerError(.store, "\(configuration.storePath): \(error)")
            }
        case .postgres:
            let url = settings.postgresURL ?? ""
            let storeConfiguration = PostgresStoreConfiguration(
                url: url, poolSize: settings.postgresPoolSize, maxBatchSize: settings.maxBatchSize,
                maxBatchWait: .milliseconds(settings.maxBatchWaitMilliseconds),
                deduplicationWindow: .seconds(settings.deduplicationWindowSeconds),
                retention: .seconds(settings.retentionSeconds),
                auditEnabled: configuration.audit.enabled,
                fsyncDeliveryTransitions: settings.fsyncDeliveryTransitions,
                inFlightOnOpen: .keepUntilDeadline)
            do {
                return try await PostgresStore.open(configuration: storeConfiguration, logger: logger)
            } catch {
                let shown = (try? PostgresConnectionURL(url).redacted) ?? "store.postgres-url"
                throw BrokerError(.store, "\(shown): \(error)")
            }
        }
    }
}
