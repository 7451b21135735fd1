import Foundation
import Trust

/// The certificates, CRLs and agency directory a verification uses, as text (PEM, YAML) so that
/// an archive can carry them.
///
/// `Sendable`: a value type of strings.
public struct AuditTrustMaterial: Sendable, Hashable, Codable {
    /// Trust anchors (root CA certificates), PEM.
    public var roots: [String]
    /// Intermediate CA certificates, PEM.
    public var intermediates: [String]
    /// Agency and broker certificates, PEM (found by thumbprint when a JWS has no `x5c`).
    public var certificates: [String]
    /// CRLs, PEM (carried for the auditor; see `docs/audit.md` on revocation).
    public var crls: [String]
    /// The agencies file (`Config/agencies.yaml`) text.
    public var agencies: String

    /// Creates material.
    public init(roots: [String], intermediates: [String], certificates: [String], crls: [String], agencies: String) {
        self.roots = roots
        self.intermediates = intermediates
        self.certificates = certificates
        self.crls = crls
        self.agencies = agencies
    }

    /// Reads a PKI folder in the layout of `DevelopmentPKI` (`root-ca.cert.pem`,
    /// `intermediate-ca.cert.pem`, `agencies/*.cert.pem`, `services/*.cert.pem`, `crl/*`) and the
    /// agencies file.
    public static func load(pkiDirectory: URL, agenciesFile: URL) throws(AuditError) -> AuditTrustMaterial {
        let pki = DevelopmentPKI(directory: pkiDirectory)
        func text(_ url: URL) throws(AuditError) -> String {
            do {
                return try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw AuditError(.configuration, "cannot read \(url.path): \(error.localizedDescription)")
            }
        }
        func files(in directory: URL, suffix: String) -> [URL] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
        }
        var certificates: [String] = []
        for url in files(in: pki.agenciesDirectory, suffix: ".cert.pem") + files(in: pki.servicesDirectory, suffix: ".cert.pem") {
            certificates.append(try text(url))
        }
        var crls: [String] = []
        for url in files(in: pki.crlDirectory, suffix: ".pem") { crls.append(try text(url)) }
        let intermediates = FileManager.default.fileExists(atPath: pki.intermediateCertificateURL.path)
            ? [try text(pki.intermediateCertificateURL)] : []
        return AuditTrustMaterial(roots: [try text(pki.rootCertificateURL)], intermediates: intermediates,
                                  certificates: certificates, crls: crls, agencies: try text(agenciesFile))
    }

    /// The thumbprint (SHA-256 of the DER, hex) of each root, for the auditor to compare with the
    /// national root they trust.
    public func rootThumbprints() throws(AuditError) -> [String] {
        try parse(roots).map { AuditChain.hex($0.sha256Thumbprint) }
    }

    /// A chain verifier over this material: no CRL directory (see `docs/audit.md`: signatures are
    /// checked at the time of the record against the chain; revocation is reported separately).
    func chainVerifier() throws(AuditError) -> ChainVerifier {
        do {
            let configuration = TrustConfiguration(
                trustAnchors: try parse(roots), intermediates: try parse(intermediates),
                knownCertificates: try parse(certificates), crlDirectory: nil, crlPolicy: .none,
                agencies: try AgencyDirectory(yaml: agencies))
            return try ChainVerifier(configuration: configuration)
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.configuration, "trust material: \(error)")
        }
    }

    /// Serial numbers (hex, uppercase as OpenSSL prints them) listed on the CRLs.
    func revokedSerials() throws(AuditError) -> Set<String> {
        var serials = Set<String>()
        for pem in crls {
            do {
                serials.formUnion(try CertificateRevocationList(bytes: Array(pem.utf8)).revokedSerials.map { $0.uppercased() })
            } catch {
                throw AuditError(.configuration, "a CRL cannot be read: \(error)")
            }
        }
        return serials
    }

    private func parse(_ pems: [String]) throws(AuditError) -> [Certificate] {
        var result: [Certificate] = []
        for pem in pems {
            do {
                result += try Certificate.all(pem: Array(pem.utf8))
            } catch {
                throw AuditError(.configuration, "a certificate cannot be read: \(error)")
            }
        }
        return result
    }
}
