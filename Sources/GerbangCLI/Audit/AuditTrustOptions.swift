import ArgumentParser
import Audit
import Foundation
import PostgresStore

/// Where the store and the trust material are, shared by `audit verify` and `audit export`.
struct AuditTrustOptions: ParsableArguments {
    @Option(help: "The broker's data directory (supplies the defaults of --store and --pki-dir).")
    var dataDir = "data"

    @Option(help: "The broker's store file, read read-only (default: <data-dir>/gerbang.sqlite).")
    var store: String?

    @Option(help: "A PostgreSQL store instead of the SQLite file: postgres://user@host:port/database (the broker's store.postgres-url).")
    var storeURL: String?

    @Option(help: "The PKI folder: root-ca.cert.pem, intermediate-ca.cert.pem, agencies/, services/, crl/ (default: <data-dir>/pki).")
    var pkiDir: String?

    @Option(help: "The agencies file.")
    var agencies = "Config/agencies.yaml"

    /// The store path in effect.
    var storePath: String { store ?? (dataDir as NSString).appendingPathComponent("gerbang.sqlite") }

    /// The store's audit tables: the PostgreSQL database of `--store-url`, else the SQLite file.
    func auditSource() throws(AuditError) -> any AuditSource {
        if let storeURL { return try PostgresAuditSource(url: storeURL) }
        return try SQLiteAuditSource(path: storePath)
    }

    /// The store in effect, for messages (a PostgreSQL URL without its password).
    var storeDescription: String {
        storeURL.map { (try? PostgresConnectionURL($0).redacted) ?? $0 } ?? storePath
    }

    /// The trust material of the PKI folder and agencies file.
    func trustMaterial() throws(AuditError) -> AuditTrustMaterial {
        try AuditTrustMaterial.load(pkiDirectory: URL(fileURLWithPath: pkiDir ?? (dataDir as NSString).appendingPathComponent("pki")),
                                    agenciesFile: URL(fileURLWithPath: agencies))
    }
}

/// Helpers of the audit commands.
enum AuditCLI {
    /// Runs `body`; an `AuditError` is printed to stderr and becomes exit status 2.
    static func run<T>(_ body: () throws(AuditError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            TrustCLI.printError(error.description)
            throw ExitCode(2)
        }
    }
}
