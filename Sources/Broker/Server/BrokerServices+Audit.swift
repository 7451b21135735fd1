import Audit
import Foundation
import Logging
import SQLiteStore

extension BrokerServices {
    /// Loads the broker's checkpoint-signing credentials and starts the checkpoint task; nil when
    /// the audit trail is disabled. Missing or unusable credentials stop the start (the store is
    /// closed first): a broker that must keep an audit trail does not run without signing it.
    static func startAuditCheckpointer(_ configuration: BrokerConfiguration, store: SQLiteStore,
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
        let retention = settings.retentionSeconds == 0 ? nil : AuditRetention(
            periodSeconds: settings.retentionSeconds,
            archiveDirectory: URL(fileURLWithPath: configuration.auditArchiveDirectory),
            storePath: configuration.storePath,
            pkiDirectory: URL(fileURLWithPath: configuration.pkiDirectory),
            agenciesFile: URL(fileURLWithPath: configuration.paths.agencies))
        return AuditCheckpointer(store: store, signer: signer, settings: settings,
                                 witness: settings.witnessFile.map { AuditWitnessFile(url: URL(fileURLWithPath: $0)) },
                                 retention: retention, logger: logger)
    }
}
