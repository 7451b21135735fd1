import ArgumentParser
import Envelope
import Foundation
import Trust

/// `gerbang verify EVENT.json`: checks an event's signature, signer chain and agency binding.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a signed event; print the agency, the chain and the verdict (exit 0 only when valid).",
        discussion: """
        Exit status: 0 valid, 1 invalid (the reason code is printed), 2 the trust configuration \
        could not be read. Defaults assume a development PKI made by `gerbang pki init` in Config/pki.
        """
    )

    @Argument(help: "The signed event (JSON); '-' reads standard input.")
    var event: String

    @Option(help: "Development PKI folder that supplies the defaults of the options below.")
    var pkiDir = DevelopmentPKI.defaultDirectory

    @Option(help: "Trust anchor certificate files or folders (default: <pki-dir>/root-ca.cert.pem). Repeatable.")
    var trustAnchors: [String] = []

    @Option(help: "Intermediate CA certificate files or folders (default: <pki-dir>/intermediate-ca.cert.pem). Repeatable.")
    var intermediates: [String] = []

    @Option(help: "Known signer certificate files or folders, for JWS without x5c (default: <pki-dir>/agencies). Repeatable.")
    var certs: [String] = []

    @Option(help: "CRL folder (default: <pki-dir>/crl).")
    var crlDir: String?

    @Option(help: "Which certificates need a CRL: none, leaf, chain.")
    var crlPolicy: CRLPolicy = .leaf

    @Option(help: "The agencies file.")
    var agencies = AgencyDirectory.defaultPath

    @Option(help: "Verify as of this time (ISO 8601, e.g. 2026-01-31T12:00:00Z) instead of now.")
    var at: String?

    @Option(help: "Largest accepted event, in bytes.")
    var maxEventBytes = EnvelopeLimits.default.maxEventBytes

    func run() throws {
        let pki = DevelopmentPKI(directory: URL(fileURLWithPath: pkiDir))
        let (verifier, bytes, time) = try TrustCLI.trust { () throws(TrustError) in
            let configuration = TrustConfiguration(
                trustAnchors: try certificates(trustAnchors, default: pki.rootCertificateURL.path),
                intermediates: try certificates(intermediates, default: pki.intermediateCertificateURL.path),
                knownCertificates: try certificates(certs, default: pki.agenciesDirectory.path, optional: true),
                crlDirectory: URL(fileURLWithPath: crlDir ?? pki.crlDirectory.path),
                crlPolicy: crlPolicy,
                agencies: try AgencyDirectory(contentsOf: URL(fileURLWithPath: agencies))
            )
            let time = try at.map { text throws(TrustError) in
                guard let date = try? Date(text, strategy: .iso8601) else {
                    throw TrustError(.configuration, "--at \"\(text)\" is not an ISO 8601 time")
                }
                return date
            }
            return (try SignatureVerifier(configuration: configuration), try TrustCLI.read(event, limit: maxEventBytes), time)
        }
        let verdict = verifier.verify(event: bytes, at: time, limits: EnvelopeLimits(maxEventBytes: maxEventBytes))
        if let agency = verdict.agency {
            print("agency:    \(agency.id) (\(agency.displayName))")
        }
        if let algorithm = verdict.algorithm {
            print("algorithm: \(algorithm.rawValue)")
        }
        if !verdict.chainSubjects.isEmpty {
            print("chain:")
            for (depth, subject) in verdict.chainSubjects.enumerated() {
                print("  \(depth): \(subject)")
            }
        }
        if let error = verdict.error {
            print("verdict:   INVALID \(error.reason.rawValue): \(error.message)")
            throw ExitCode.failure
        }
        print("verdict:   VALID")
    }

    /// Certificates from files and folders (`*.pem`, `*.crt`, `*.cer`, `*.der`); `fallback` when none given.
    private func certificates(_ paths: [String], default fallback: String, optional: Bool = false) throws(TrustError) -> [Certificate] {
        let explicit = !paths.isEmpty
        var result: [Certificate] = []
        for path in explicit ? paths : [fallback] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if optional && !explicit { continue }
                throw TrustError(.configuration, "\(path) does not exist (run `gerbang pki init` or pass the option)")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                for name in names.sorted() where ["pem", "crt", "cer", "der"].contains(URL(fileURLWithPath: name).pathExtension) {
                    if name.hasSuffix(".key.pem") { continue }
                    let url = URL(fileURLWithPath: path).appendingPathComponent(name)
                    result += try Certificate.load(contentsOf: url)
                }
            } else {
                result += try Certificate.load(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }
}

extension CRLPolicy: ExpressibleByArgument {}
