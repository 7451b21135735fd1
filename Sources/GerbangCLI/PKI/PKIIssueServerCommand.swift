import ArgumentParser
import Foundation
import Trust

/// `gerbang pki issue-server --name NAME --host H...`: a TLS server key and certificate.
struct PKIIssueServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue-server",
        abstract: "Issue a TLS server key and certificate (e.g. for the HTTP gateway) from the development issuing CA.",
        discussion: """
        The certificate has a subject alternative name per --host (DNS name or IP address), keyUsage \
        digitalSignature and extendedKeyUsage serverAuth; it names no agency. Files: \
        <dir>/servers/<NAME>.cert.pem, .key.pem, .chain.pem. `gerbangd --dev` issues `http-gateway` \
        for localhost and 127.0.0.1 on its first start.
        """
    )

    @OptionGroup var options: PKIDirectoryOption

    @Option(help: "The server's name: lower-case letters, digits and -.")
    var name = "http-gateway"

    @Option(help: "A DNS name or IP address the server is reached at (repeatable).")
    var host: [String] = ["localhost", "127.0.0.1"]

    @Option(help: "Days the certificate is valid.")
    var days = 365

    func validate() throws {
        guard days > 0, days <= 3650 else { throw ValidationError("--days must be between 1 and 3650") }
        guard !host.isEmpty else { throw ValidationError("give at least one --host") }
    }

    func run() throws {
        let files = try TrustCLI.trust { () throws(TrustError) in
            try DevelopmentPKI(directory: URL(fileURLWithPath: options.directory)).issueServer(name: name, hosts: host, validForDays: days)
        }
        print("""
        issued a DEVELOPMENT-ONLY TLS server certificate \(name) for \(host.joined(separator: ", "))
          certificate: \(files.certificate.path)
          private key: \(files.key.path)
          chain:       \(files.chain.path)
        """)
    }
}
