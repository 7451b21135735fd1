import Foundation
import Testing
@testable import Trust

@Suite("Certificate chains")
struct ChainVerifierTests {
    @Test("a valid agency certificate verifies, names its agency and its chain, and is cached")
    func valid() throws {
        let pki = try TestPKI()
        let (_, leaf) = try pki.issue()
        let verifier = try ChainVerifier(configuration: pki.configuration())
        let chain = try verifier.verify(leaf: leaf)
        #expect(chain.agency.id == "dukcapil")
        #expect(chain.subjects.count == 3)
        #expect(chain.subjects.first == leaf.subject)
        #expect(chain.subjects.last == pki.root.subject)
        _ = try verifier.verify(leaf: leaf)
        _ = try verifier.verify(leaf: leaf)
        #expect(verifier.cacheStatistics == .init(hits: 2, misses: 1))
    }

    @Test("expired and not-yet-valid certificates are rejected with their reasons")
    func validity() throws {
        let pki = try TestPKI()
        let verifier = try ChainVerifier(configuration: pki.configuration())
        let (_, expired) = try pki.issue(notBefore: Date().addingTimeInterval(-86_400 * 10), notAfter: Date().addingTimeInterval(-86_400))
        #expect(reason { try verifier.verify(leaf: expired) } == .expired)
        let (_, future) = try pki.issue(notBefore: Date().addingTimeInterval(86_400), notAfter: Date().addingTimeInterval(86_400 * 10))
        #expect(reason { try verifier.verify(leaf: future) } == .notYetValid)
        // ... and valid at a time within their validity.
        #expect(try verifier.verify(leaf: future, at: Date().addingTimeInterval(86_400 * 2)).agency.id == "dukcapil")
    }

    @Test("a revoked certificate is rejected after the CRL folder is reloaded, and the cache is dropped")
    func revoked() throws {
        let pki = try TestPKI()
        let (_, leaf) = try pki.issue()
        let verifier = try ChainVerifier(configuration: pki.configuration())
        _ = try verifier.verify(leaf: leaf)
        try pki.revoke(leaf)
        _ = try verifier.verify(leaf: leaf) // still cached until the reload
        try verifier.reloadCRLs()
        #expect(reason { try verifier.verify(leaf: leaf) } == .revoked)
        #expect(verifier.crls.crls.flatMap(\.revokedSerials).contains(leaf.serialHex))
        let fresh = try ChainVerifier(configuration: pki.configuration(crlPolicy: .chain))
        #expect(reason { try fresh.verify(leaf: leaf) } == .revoked)
    }

    @Test("a missing CRL is reported when CRL checking is on")
    func missingCRL() throws {
        let pki = try TestPKI()
        let (_, leaf) = try pki.issue()
        try FileManager.default.removeItem(at: pki.crlDirectory.appendingPathComponent("intermediate.crl.pem"))
        let verifier = try ChainVerifier(configuration: pki.configuration())
        #expect(reason { try verifier.verify(leaf: leaf) } == .crlMissing)
        var noCRLs = pki.configuration()
        noCRLs.crlPolicy = .none
        #expect(try ChainVerifier(configuration: noCRLs).verify(leaf: leaf).agency.id == "dukcapil")
    }

    @Test("a certificate from another CA is an unknown CA")
    func unknownCA() throws {
        let pki = try TestPKI()
        let other = try TestPKI(name: "Other")
        let (_, stranger) = try other.issue()
        let verifier = try ChainVerifier(configuration: pki.configuration())
        #expect(reason { try verifier.verify(leaf: stranger) } == .unknownCA)
        // Even when it presents its own intermediate.
        #expect(reason { try verifier.verify(leaf: stranger, presented: [other.intermediate]) } == .unknownCA)
    }

    @Test("keyUsage without digitalSignature, or none, is rejected; so is a CA as signer")
    func keyUsage() throws {
        let pki = try TestPKI()
        let verifier = try ChainVerifier(configuration: pki.configuration())
        let (_, encipherOnly) = try pki.issue(keyUsage: "critical,keyEncipherment")
        #expect(reason { try verifier.verify(leaf: encipherOnly) } == .keyUsage)
        let (_, noUsage) = try pki.issue(keyUsage: nil)
        #expect(reason { try verifier.verify(leaf: noUsage) } == .keyUsage)
    }

    @Test("path length: an intermediate (pathlen 0) cannot issue another CA")
    func pathLength() throws {
        let pki = try TestPKI()
        let subKey = try PrivateKey.generate()
        var sub = CertificateBuilder(subject: [("CN", "Rogue sub-CA")], publicKey: subKey.publicKey)
        sub.isCA = true
        sub.keyUsage = "critical,keyCertSign,cRLSign"
        let subCA = try sub.sign(issuer: pki.intermediate, issuerKey: pki.intermediateKey)
        let leafKey = try PrivateKey.generate()
        var leafBuilder = CertificateBuilder(subject: [("CN", "leaf")], publicKey: leafKey.publicKey)
        leafBuilder.uriSubjectAlternativeNames = ["urn:gerbang:agency:dukcapil"]
        let leaf = try leafBuilder.sign(issuer: subCA, issuerKey: subKey)
        var configuration = pki.configuration()
        configuration.crlPolicy = .none
        let verifier = try ChainVerifier(configuration: configuration)
        #expect(reason { try verifier.verify(leaf: leaf, presented: [subCA]) } == .pathLength)
    }

    @Test("the agency comes from the URI SAN, else organizationIdentifier, and must be known")
    func agencyBinding() throws {
        let pki = try TestPKI()
        let verifier = try ChainVerifier(configuration: pki.configuration())
        let (_, unknown) = try pki.issue(agency: "kementerian-rahasia")
        #expect(reason { try verifier.verify(leaf: unknown) } == .unknownAgency)
        let (_, none) = try pki.issue(uriSANs: ["https://example.go.id/"])
        #expect(reason { try verifier.verify(leaf: none) } == .noAgency)
        let (_, two) = try pki.issue(uriSANs: ["urn:gerbang:agency:dukcapil", "urn:gerbang:agency:kemensos"])
        #expect(reason { try verifier.verify(leaf: two) } == .agencyAmbiguous)

        let key = try PrivateKey.generate()
        var builder = CertificateBuilder(subject: [("C", "ID"), ("organizationIdentifier", "kemensos"), ("CN", "Kemensos")], publicKey: key.publicKey)
        builder.keyUsage = "critical,digitalSignature"
        let byOrganization = try builder.sign(issuer: pki.intermediate, issuerKey: pki.intermediateKey)
        #expect(try verifier.verify(leaf: byOrganization).agency.id == "kemensos")
    }

    @Test("event sources name agencies in two documented forms")
    func sources() {
        #expect(AgencyIdentity.agencyID(source: "urn:gerbang:agency:dukcapil") == "dukcapil")
        #expect(AgencyIdentity.agencyID(source: "urn:gerbang:agency:dukcapil:siak") == "dukcapil")
        #expect(AgencyIdentity.agencyID(source: "/agencies/bpjs-kesehatan") == "bpjs-kesehatan")
        #expect(AgencyIdentity.agencyID(source: "/agencies/kemensos/dtks") == "kemensos")
        #expect(AgencyIdentity.agencyID(source: "https://gerbang.go.id/agencies/bank-bri/kur") == "bank-bri")
        #expect(AgencyIdentity.agencyID(source: "/services/dukcapil") == nil)
        #expect(AgencyIdentity.agencyID(source: "urn:gerbang:agency:Dukcapil!") == nil)
    }

    @Test("the agencies file parses, and bad ones are configuration errors")
    func agenciesFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = try AgencyDirectory(contentsOf: root.appendingPathComponent("Config/agencies.yaml"))
        #expect(Set(directory.agencies.keys).isSuperset(of: ["dukcapil", "kemensos", "bank-bri", "bpjs-kesehatan"]))
        #expect(throws: TrustError.self) { try AgencyDirectory(yaml: "agencies:\n  Bad Id:\n    name: x\n") }
        #expect(throws: TrustError.self) { try AgencyDirectory(yaml: "agencies:\n  ok:\n    title: x\n") }
    }
}

/// The reason code `body` fails with, or nil if it succeeds.
func reason<T>(_ body: () throws -> T) -> TrustReason? {
    do {
        _ = try body()
        return nil
    } catch let error as TrustError {
        return error.reason
    } catch {
        return .internalError
    }
}
