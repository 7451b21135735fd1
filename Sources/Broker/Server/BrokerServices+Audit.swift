import Audit
import Foundation
import Logging
import SQLiteStore
import Store

extension BrokerServices {
    /// Loads the broker's checkpoint-signing credentials and starts the checkpoint task; nil when
    /// the audit trail is disabled. Missing or unusable credentials stop the start (the store is
    /// closed first): a broker that must keep an audit trail does not run without signing it.
    /// Retention (`audit.retention-seconds`) archives through the SQLite file; with the
    /// PostgreSQL store it is refused at start (not supported yet).
    static func startAuditCheckpointer(_ configuration: BrokerConfiguration, store: any AuditCheckpointStore & EventStore,
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
            guard let sqlite = store as? SQLiteStore else {
                await store.close()
                throw BrokerError(.configuration, "audit.retention-seconds is not supported with store.backend: postgres yet (set it to 0)")
            }
            let policy = AuditRetention(
                periodSeconds: settings.retentionSeconds,
                archiveDirectory: URL(fileURLWithPath: configuration.auditArchiveDirectory),
                storePath: configuration.storePath,
                pkiDirectory: URL(fileURLWithPath: configuration.pkiDirectory),
                agenciesFile: URL(fileURLWithPath: configuration.paths.agencies))
            retention = { now in await policy.run(store: sqlite, now: now, logger: logger) }
        }
        return AuditCheckpointer(store: store, signer: signer, settings: settings,
                                 witness: settings.witnessFile.map { AuditWitnessFile(url: URL(fileURLWithPath: $0)) },
                                 retention: retention, logger: logger)
    }
}
