import ArgumentParser
import Foundation
import Trust

/// `gerbang pki issue --agency ID`: a new agency signing key and certificate.
struct PKIIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue an agency signing key and certificate from the development issuing CA.",
        discussion: "The certificate binds the agency with the URI SAN urn:gerbang:agency:<ID> and has keyUsage digitalSignature."
    )

    @OptionGroup var options: PKIDirectoryOption

    @Option(help: "The agency id, as listed in the agencies file.")
    var agency: String

    @Option(help: "The agencies file the id must be listed in.")
    var agencies = AgencyDirectory.defaultPath

    @Option(help: "The key type: ec-p256 (default) or ed25519.")
    var keyType: CLIKeyType = .ecP256

    @Option(help: "Days the certificate is valid.")
    var days = 365

    func validate() throws {
        guard days > 0, days <= 3650 else { throw ValidationError("--days must be between 1 and 3650") }
    }

    func run() throws {
        let files = try TrustCLI.trust { () throws(TrustError) in
            let directory = try AgencyDirectory(contentsOf: URL(fileURLWithPath: agencies))
            guard let entry = directory[agency] else {
                throw TrustError(.unknownAgency, "agency \"\(agency)\" is not listed in \(agencies)")
            }
            return try DevelopmentPKI(directory: URL(fileURLWithPath: options.directory))
                .issue(agency: entry, keyType: keyType.keyType, validForDays: days)
        }
        print("""
        issued a DEVELOPMENT-ONLY certificate for agency \(agency)
          certificate: \(files.certificate.path)
          private key: \(files.key.path)
          chain:       \(files.chain.path)
        Sign with: gerbang sign EVENT.json --key \(files.key.path) --cert \(files.certificate.path)
        """)
    }
}
