import ArgumentParser

/// `gerbang pki`: the development national PKI (root CA, agency issuing CA, agency certificates, CRLs).
struct PKICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pki",
        abstract: "Manage the DEVELOPMENT-ONLY national PKI: CAs, agency certificates and CRLs.",
        discussion: """
        The folder (default Config/pki) holds a development root CA and agency issuing CA, their \
        CRLs in crl/, and agency keys and certificates in agencies/. Never use it in production: \
        the CA keys are stored unencrypted. See docs/pki.md.
        """,
        subcommands: [PKIInitCommand.self, PKIIssueCommand.self, PKIIssueServerCommand.self, PKIRevokeCommand.self, PKIShowCommand.self]
    )
}
