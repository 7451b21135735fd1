import Audit
import Foundation
import Logging
import PostgresStore

/// Audit retention: records older than the retention period are first exported to an archive
/// file in the archive directory (`audit-<first>-<last>.jsonl`, with the trust material and the
/// bytes of the accepted events they cover),
/// the archive is read back and verified, and only then are the records deleted and the anchor
/// (first kept index, the hash of the last archived record, the archive's name) stored in the
/// same transaction. The chain therefore continues from the anchor with no silent gap: `verify`
/// reports the anchor, and the archive's last hash is the anchor's previous hash.
///
/// `Sendable`: immutable values.
struct AuditRetention: Sendable {
    /// The retention period.
    let periodSeconds: Int
    /// Where archives are written.
    let archiveDirectory: URL
    /// The store, as archives name it (the SQLite file, or the PostgreSQL URL without password).
    let storeDescription: String
    /// Opens the trail for the export (the SQLite file read-only, or a PostgreSQL connection).
    let openSource: @Sendable () throws(AuditError) -> any AuditSource
    /// The PKI folder and agencies file whose certificates, CRLs and agencies go into each archive.
    let pkiDirectory: URL
    let agenciesFile: URL

    /// Retention of the SQLite store file at `storePath` (read by the export through a read-only
    /// connection).
    init(periodSeconds: Int, archiveDirectory: URL, storePath: String, pkiDirectory: URL, agenciesFile: URL) {
        self.init(periodSeconds: periodSeconds, archiveDirectory: archiveDirectory, storeDescription: storePath,
                  openSource: { () throws(AuditError) -> any AuditSource in try SQLiteAuditSource(path: storePath) },
                  pkiDirectory: pkiDirectory, agenciesFile: agenciesFile)
    }

    /// Retention of the PostgreSQL store at `url`.
    init(periodSeconds: Int, archiveDirectory: URL, postgresURL url: String, pkiDirectory: URL, agenciesFile: URL) {
        self.init(periodSeconds: periodSeconds, archiveDirectory: archiveDirectory,
                  storeDescription: (try? PostgresConnectionURL(url).redacted) ?? "store.postgres-url",
                  openSource: { () throws(AuditError) -> any AuditSource in try PostgresAuditSource(url: url) },
                  pkiDirectory: pkiDirectory, agenciesFile: agenciesFile)
    }

    private init(periodSeconds: Int, archiveDirectory: URL, storeDescription: String,
                 openSource: @escaping @Sendable () throws(AuditError) -> any AuditSource, pkiDirectory: URL,
                 agenciesFile: URL) {
        self.periodSeconds = periodSeconds
        self.archiveDirectory = archiveDirectory
        self.storeDescription = storeDescription
        self.openSource = openSource
        self.pkiDirectory = pkiDirectory
        self.agenciesFile = agenciesFile
    }

    /// Archives and deletes the records older than `now - period`; logs what it did.
    func run(store: any AuditRetentionStore, now: Date, logger: Logger) async {
        let cutoff = now.addingTimeInterval(-TimeInterval(periodSeconds))
        do {
            let boundary = try await store.auditRetentionBoundary(cutoff: cutoff)
            // Keep at least the newest record, so the chain always has a head in the table.
            let firstKept = min(boundary.firstKept ?? boundary.head, boundary.head)
            let source = try openSource()
            let anchor = try source.anchor() ?? .genesis
            guard firstKept > anchor.firstIndex else { return }
            try FileManager.default.createDirectory(at: archiveDirectory, withIntermediateDirectories: true)
            let name = "audit-\(anchor.firstIndex)-\(firstKept - 1).jsonl"
            let url = archiveDirectory.appendingPathComponent(name)
            let trust = try AuditTrustMaterial.load(pkiDirectory: pkiDirectory, agenciesFile: agenciesFile)
            try AuditArchive.export(from: source, range: anchor.firstIndex...(firstKept - 1), trust: trust,
                                    sourceDescription: storeDescription, to: url)
            let archived = try AuditArchive(contentsOf: url)
            let report = try AuditVerifier(trust: nil).verify(archived)
            guard report.isIntact, report.lastIndex == firstKept - 1, let lastHash = report.headHash else {
                logger.error("audit retention: the archive does not verify; nothing deleted",
                             metadata: ["archive": "\(url.path)", "finding": "\(report.finding.map { "\($0)" } ?? "incomplete")"])
                return
            }
            let deleted = try await store.pruneAudit(anchor: AuditAnchor(firstIndex: firstKept, previousHash: lastHash, archive: name),
                                                     eventBodiesThrough: archived.lastEventSequence, now: now)
            logger.notice("audit records archived and deleted", metadata: [
                "archive": "\(url.path)", "records": "\(deleted)", "first-kept": "\(firstKept)",
            ])
        } catch {
            logger.error("audit retention failed; nothing deleted", metadata: ["error": "\(error)"])
        }
    }
}
