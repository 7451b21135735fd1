import ArgumentParser
import Foundation
import Trust

/// `gerbang pki init`: creates a development root CA, an agency issuing CA and their CRLs.
struct PKIInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a DEVELOPMENT-ONLY root CA and agency issuing CA (with empty CRLs)."
    )

    @OptionGroup var options: PKIDirectoryOption

    @Flag(help: "Replace an existing PKI in the folder (its certificates stop verifying).")
    var force = false

    func run() throws {
        let pki = try TrustCLI.trust { () throws(TrustError) in
            try DevelopmentPKI.create(at: URL(fileURLWithPath: options.directory), force: force)
        }
        print("""
        DEVELOPMENT-ONLY PKI created in \(pki.directory.path) (not for production: CA keys are unencrypted)
          root CA:         \(pki.rootCertificateURL.path)
          issuing CA:      \(pki.intermediateCertificateURL.path)
          CRLs:            \(pki.crlDirectory.path)/
        Next: gerbang pki issue --agency ID --dir \(options.directory)
        """)
    }
}
