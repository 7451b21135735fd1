import Audit
import Foundation
import Logging
import Store

extension BrokerServices {
    /// Loads the broker's checkpoint-signing credentials and starts the checkpoint task; nil when
    /// the audit trail is disabled. Missing or unusable credentials stop the start (the store is
    /// closed first): a broker that must keep an audit trail does not run without signing it.
    /// Retention (`audit.retention-seconds`) reads the trail from the SQLite file or the
    /// PostgreSQL database the store uses.
    static func startAuditCheckpointer(_ configuration: BrokerConfiguration,
                                       store: any AuditCheckpointStore & AuditRetentionStore & EventStore,
                                       logger: Logger) async throws(BrokerError) -> AuditCheckpointer? {
        let settings = configuration.audit
        guard settings.enabled else { return nil }
        let files = configuration.auditSigningFiles
        let signer: AuditCheckpointSigner
        do {
            signer = try AuditCheckpointSigner(keyFile: URL(fileURLWithPath: files.key),
                                               certificateFile: URL(fileURLWithPath: files.certificate),
                                               chainFile: files.chain.map { URL(fileURLWithPath: $0) })
        } catch {
            await store.close()
            throw BrokerError(.trust, "audit checkpoint signing (\(files.certificate)): \(error)")
        }
        var retention: (@Sendable (Date) async -> Void)?
        if settings.retentionSeconds > 0 {
            let archives = URL(fileURLWithPath: configuration.auditArchiveDirectory)
            let pki = URL(fileURLWithPath: configuration.pkiDirectory)
            let agencies = URL(fileURLWithPath: configuration.paths.agencies)
            let policy = switch configuration.store.backend {
            case .sqlite:
                AuditRetention(periodSeconds: settings.retentionSeconds, archiveDirectory: archives,
                               storePath: configuration.storePath, pkiDirectory: pki, agenciesFile: agencies)
            case .postgres:
                AuditRetention(periodSeconds: settings.retentionSeconds, archiveDirectory: archives,
                               postgresURL: configuration.store.postgresURL ?? "", pkiDirectory: pki, agenciesFile: agencies)
            }
            retention = { now in await policy.run(store: store, now: now, logger: logger) }
        }
        return AuditCheckpointer(store: store, signer: signer, settings: settings,
                                 witness: settings.witnessFile.map { AuditWitnessFile(url: URL(fileURLWithPath: $0)) },
                                 retention: retention, logger: logger)
    }
}
