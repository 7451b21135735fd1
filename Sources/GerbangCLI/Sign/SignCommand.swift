import ArgumentParser
import Envelope
import Foundation
import Trust

/// `gerbang sign EVENT.json --key K --cert C`: signs an event as its agency.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign an event: set its gerbangjws attribute (detached JWS over the canonical event).",
        discussion: "The signed event is written to stdout (or -o FILE). See docs/signing.md for the exact bytes signed."
    )

    @Argument(help: "The event (CloudEvents JSON); '-' reads standard input.")
    var event: String

    @Option(help: "The agency's private key (PEM, PKCS#8 or traditional).")
    var key: String

    @Option(help: "The agency's certificate (PEM or DER).")
    var cert: String

    @Flag(help: "Embed the certificate chain in the JWS header (x5c), so verifiers need not know the certificate.")
    var chain = false

    @Option(help: "Certificates to put after the leaf in x5c (default: <name>.chain.pem next to a <name>.cert.pem, else none).")
    var chainFile: String?

    @Option(help: "The JWS algorithm (default: ES256 for EC keys, EdDSA for Ed25519, PS256 for RSA).")
    var alg: String?

    @Option(help: "Name of an environment variable holding the key's passphrase.")
    var passphraseEnv: String?

    @Option(name: .shortAndLong, help: "Write the signed event here instead of stdout.")
    var output: String?

    @Option(help: "Largest accepted event, in bytes.")
    var maxEventBytes = EnvelopeLimits.default.maxEventBytes

    func run() throws {
        let signed = try TrustCLI.trust(status: 1) { () throws(TrustError) in
            let passphrase = try passphraseEnv.map { name throws(TrustError) in
                guard let value = ProcessInfo.processInfo.environment[name] else {
                    throw TrustError(.configuration, "environment variable \(name) is not set")
                }
                return value
            }
            let privateKey = try PrivateKey(pem: TrustCLI.read(key, limit: 1 << 20), passphrase: passphrase)
            let certificates = try Certificate.load(contentsOf: URL(fileURLWithPath: cert))
            let algorithm = try alg.map { value throws(TrustError) in try JWSAlgorithm(header: value) }
            let signer = try PayloadSigner(
                key: privateKey, certificate: certificates[0],
                chain: chain ? try Array(certificates.dropFirst()) + chainCertificates() : nil,
                algorithm: algorithm
            )
            return try signer.sign(event: TrustCLI.read(event, limit: maxEventBytes), limits: EnvelopeLimits(maxEventBytes: maxEventBytes))
        }
        if let output {
            do {
                try Data(signed).write(to: URL(fileURLWithPath: output))
            } catch {
                TrustCLI.printError("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(signed + [0x0A]))
        }
    }

    /// The certificates of `--chain-file`, or of the `.chain.pem` next to the certificate.
    private func chainCertificates() throws(TrustError) -> [Certificate] {
        if let chainFile { return try Certificate.load(contentsOf: URL(fileURLWithPath: chainFile)) }
        guard cert.hasSuffix(".cert.pem") else { return [] }
        let sibling = String(cert.dropLast(".cert.pem".count)) + ".chain.pem"
        guard FileManager.default.fileExists(atPath: sibling) else { return [] }
        return try Certificate.load(contentsOf: URL(fileURLWithPath: sibling))
    }
}
