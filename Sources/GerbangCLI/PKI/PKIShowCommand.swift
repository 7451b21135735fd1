import ArgumentParser
import Foundation
import Trust

/// `gerbang pki show CERT`: prints what Gerbang sees in a certificate.
struct PKIShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a certificate: subject, issuer, validity, key, thumbprint and agency binding."
    )

    @Argument(help: "The certificate file (PEM, possibly several, or DER).")
    var certificate: String

    func run() throws {
        let certificates = try TrustCLI.trust { () throws(TrustError) in
            try Certificate.load(contentsOf: URL(fileURLWithPath: certificate))
        }
        for (index, certificate) in certificates.enumerated() {
            if index > 0 { print("") }
            let key = (try? certificate.publicKey().type.rawValue) ?? "unsupported"
            let agency: String
            do {
                agency = try AgencyIdentity.agencyID(of: certificate)
            } catch {
                agency = "none (\(error.reason.rawValue))"
            }
            print("""
            subject:     \(certificate.subject)
            issuer:      \(certificate.issuer)
            serial:      \(certificate.serialHex)
            not before:  \(TrustCLI.format(certificate.notBefore))
            not after:   \(TrustCLI.format(certificate.notAfter))
            key:         \(key)
            x5t#S256:    \(Base64URL.encode(certificate.sha256Thumbprint))
            CA:          \(certificate.isCA ? "yes" : "no")
            signing:     \(certificate.allowsDigitalSignature ? "keyUsage digitalSignature" : "no digitalSignature keyUsage")
            URI SANs:    \(certificate.uriSubjectAlternativeNames.joined(separator: ", "))
            agency:      \(agency)
            """)
        }
    }
}
