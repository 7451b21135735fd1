import ArgumentParser
import Audit
import Foundation

/// Where the store and the trust material are, shared by `audit verify` and `audit export`.
struct AuditTrustOptions: ParsableArguments {
    @Option(help: "The broker's data directory (supplies the defaults of --store and --pki-dir).")
    var dataDir = "data"

    @Option(help: "The broker's store file, read read-only (default: <data-dir>/gerbang.sqlite).")
    var store: String?

    @Option(help: "The PKI folder: root-ca.cert.pem, intermediate-ca.cert.pem, agencies/, services/, crl/ (default: <data-dir>/pki).")
    var pkiDir: String?

    @Option(help: "The agencies file.")
    var agencies = "Config/agencies.yaml"

    /// The store path in effect.
    var storePath: String { store ?? (dataDir as NSString).appendingPathComponent("gerbang.sqlite") }

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
