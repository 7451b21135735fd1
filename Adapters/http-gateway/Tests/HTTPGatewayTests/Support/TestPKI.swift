import Foundation
import Trust

/// A development PKI in a temporary folder: agency certificates and a server certificate for
/// 127.0.0.1, plus a second, unrelated PKI (another CA) for the refusal tests.
final class TestPKI {
    let directory: URL
    let pki: DevelopmentPKI
    let agencies: AgencyDirectory

    init(agencyIDs: [String] = ["bpjs-kesehatan", "dukcapil"]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-gateway-pki-\(UUID().uuidString)")
        pki = try DevelopmentPKI.create(at: directory)
        agencies = AgencyDirectory(agencyIDs.map { Agency(id: $0, displayName: "Test agency \($0)") })
        for agency in agencies.agencies.values { try pki.issue(agency: agency) }
        try pki.issueServer(name: "http-gateway", hosts: ["localhost", "127.0.0.1"])
    }

    var root: [Certificate] { get throws { try Certificate.load(contentsOf: pki.rootCertificateURL) } }
    var intermediate: [Certificate] { get throws { try Certificate.load(contentsOf: pki.intermediateCertificateURL) } }

    /// An agency's certificate chain (leaf, intermediate) and key.
    func credentials(of agency: String) throws -> ([Certificate], PrivateKey) {
        let files = pki.files(of: agency)
        let chain = try Certificate.load(contentsOf: files.certificate) + Certificate.load(contentsOf: files.chain)
        return (chain, try PrivateKey(pem: Array(Data(contentsOf: files.key))))
    }

    /// The gateway server's certificate chain and key.
    func server() throws -> ([Certificate], PrivateKey) {
        let files = pki.serverFiles(of: "http-gateway")
        let chain = try Certificate.load(contentsOf: files.certificate) + Certificate.load(contentsOf: files.chain)
        return (chain, try PrivateKey(pem: Array(Data(contentsOf: files.key))))
    }

    /// A chain verifier trusting this PKI, with its CRLs.
    func verifier() throws -> ChainVerifier {
        try ChainVerifier(configuration: TrustConfiguration(trustAnchors: root, intermediates: intermediate,
                                                            crlDirectory: pki.crlDirectory, agencies: agencies))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
