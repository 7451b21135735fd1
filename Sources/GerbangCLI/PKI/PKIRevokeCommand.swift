import ArgumentParser
import Foundation
import Trust

/// `gerbang pki revoke CERT`: revokes a certificate and regenerates the CRLs.
struct PKIRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a certificate issued by the development CAs and regenerate the CRLs in the crl/ folder."
    )

    @OptionGroup var options: PKIDirectoryOption

    @Argument(help: "The certificate to revoke (PEM or DER).")
    var certificate: String

    func run() throws {
        let (serial, crlDirectory) = try TrustCLI.trust { () throws(TrustError) in
            let pki = DevelopmentPKI(directory: URL(fileURLWithPath: options.directory))
            let revoked = try Certificate.load(contentsOf: URL(fileURLWithPath: certificate))[0]
            try pki.revoke(revoked)
            return (revoked.serialHex, pki.crlDirectory.path)
        }
        print("revoked serial \(serial); CRLs regenerated in \(crlDirectory)/ (verifiers pick them up on their next CRL reload)")
    }
}
