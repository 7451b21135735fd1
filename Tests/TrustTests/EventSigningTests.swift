import Foundation
import Envelope
import GerbangJSON
import Testing
@testable import Trust

@Suite("Signed events")
struct EventSigningTests {
    static let event = """
    {
      "specversion": "1.0",
      "id": "7f1c7f6e-0b1e-4d5a-9a57-2f3d1c0e9b11",
      "source": "urn:gerbang:agency:dukcapil",
      "type": "id.go.dukcapil.penduduk.alamat-berubah",
      "time": "2026-11-29T02:00:00Z",
      "datacontenttype": "application/json",
      "data": {"nik": "3201010101010001", "alamat": {"kota": "Bogor", "rt": 3}, "skor": 1.50}
    }
    """

    @Test("a signed event verifies; the signature sits in gerbangjws", arguments: [KeyType.ecP256, .ed25519])
    func roundTrip(keyType: KeyType) throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue(keyType: keyType)
        let signed = try PayloadSigner(key: key, certificate: certificate, chain: [pki.intermediate]).sign(event: Array(Self.event.utf8))
        let object = try #require(try JSONParser.parse(signed).objectValue)
        #expect(object["gerbangjws"]?.stringValue?.contains("..") == true)
        let verifier = try SignatureVerifier(configuration: pki.configuration())
        let verdict = verifier.verify(event: signed)
        #expect(verdict.isValid, "\(String(describing: verdict.error))")
        #expect(verdict.agency?.id == "dukcapil")
        #expect(verdict.algorithm == (keyType == .ecP256 ? .es256 : .edDSA))
    }

    @Test("changing any single byte of data or of an attribute value fails")
    func everyByteMatters() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue()
        let signed = try PayloadSigner(key: key, certificate: certificate).sign(event: Array(Self.event.utf8))
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))
        let object = try #require(try JSONParser.parse(signed).objectValue)
        let jws = try #require(object["gerbangjws"]?.stringValue)
        // Flip each byte of the compact event outside the signature itself: every change must be
        // refused, whether it breaks the JSON, a value, or a key.
        let unsignedPart = Array(JSONValue.object({ var copy = object; copy["gerbangjws"] = nil; return copy }()).serializedBytes())
        var checked = 0
        for index in unsignedPart.indices {
            var changed = unsignedPart
            changed[index] = changed[index] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            guard var tampered = (try? JSONParser.parse(changed))?.objectValue else { continue } // not JSON: rejected anyway
            tampered["gerbangjws"] = .string(jws)
            let verdict = verifier.verify(event: JSONValue.object(tampered).serializedBytes())
            #expect(!verdict.isValid, "byte \(index) changed and still valid")
            checked += 1
        }
        #expect(checked > 200)
        // Specific cases, with their reasons.
        func verdict(_ edit: (inout JSONObject) -> Void) -> Verdict {
            var copy = object
            edit(&copy)
            return verifier.verify(event: JSONValue.object(copy).serializedBytes())
        }
        #expect(verdict { $0["data"] = .object(JSONObject(["nik": .string("3201010101010002")])) }.reason == .badSignature)
        #expect(verdict { $0["type"] = .string("id.go.dukcapil.penduduk.alamat-berubaH") }.reason == .badSignature)
        #expect(verdict { $0["extra"] = .string("x") }.reason == .badSignature)
        #expect(verdict { $0["time"] = nil }.reason == .badSignature)
        #expect(verdict { $0["gerbangjws"] = nil }.reason == .unsigned)
        #expect(verdict { $0["source"] = .string("urn:gerbang:agency:kemensos") }.reason == .badSignature)
    }

    @Test("reordered members and different whitespace still verify (canonical form)")
    func canonicalForm() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue()
        let signed = try PayloadSigner(key: key, certificate: certificate).sign(event: Array(Self.event.utf8))
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))
        let object = try #require(try JSONParser.parse(signed).objectValue)
        let jws = try #require(object["gerbangjws"]?.stringValue)
        let reordered = """
        {"data" : { "skor" : 1.5e0 ,"alamat":{"rt":3.0,"kota":"Bog\\u006fr"},
            "nik":"3201010101010001"},
         "gerbangjws": "\(jws)",
         "type":"id.go.dukcapil.penduduk.alamat-berubah", "time":"2026-11-29T02:00:00Z",
         "source":"urn:gerbang:agency:dukcapil", "specversion":"1.0",
         "datacontenttype":"application/json", "id":"7f1c7f6e-0b1e-4d5a-9a57-2f3d1c0e9b11"}
        """
        let verdict = verifier.verify(event: Array(reordered.utf8))
        #expect(verdict.isValid, "\(String(describing: verdict.error))")
    }

    @Test("a certificate of another agency than the source is an agency mismatch")
    func agencyMismatch() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue(agency: "kemensos")
        let signed = try PayloadSigner(key: key, certificate: certificate).sign(event: Array(Self.event.utf8))
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))
        #expect(verifier.verify(event: signed).reason == .agencyMismatch)
    }

    @Test("each certificate defect is rejected with its reason code through the event API")
    func certificateDefects() throws {
        let pki = try TestPKI()
        let other = try TestPKI(name: "Other")
        let cases: [(TrustReason, (key: PrivateKey, certificate: Certificate), [Certificate])] = [
            (.expired, try pki.issue(notBefore: Date().addingTimeInterval(-86_400 * 9), notAfter: Date().addingTimeInterval(-86_400)), [pki.intermediate]),
            (.notYetValid, try pki.issue(notBefore: Date().addingTimeInterval(86_400), notAfter: Date().addingTimeInterval(86_400 * 9)), [pki.intermediate]),
            (.unknownCA, try other.issue(), [other.intermediate]),
            (.keyUsage, try pki.issue(keyUsage: "critical,keyAgreement"), [pki.intermediate]),
            (.unknownAgency, try pki.issue(agency: "bank-rahasia"), [pki.intermediate]),
        ]
        let revoked = try pki.issue()
        try pki.revoke(revoked.certificate)
        let verifier = try SignatureVerifier(configuration: pki.configuration())
        for (expected, credentials, chain) in cases + [(.revoked, revoked, [pki.intermediate])] {
            let signed = try PayloadSigner(key: credentials.key, certificate: credentials.certificate, chain: chain).sign(event: Array(Self.event.utf8))
            #expect(verifier.verify(event: signed).reason == expected)
        }
    }

    @Test("not JSON, not an object, or no signature are reason-coded")
    func malformedEvents() throws {
        let pki = try TestPKI()
        let verifier = try SignatureVerifier(configuration: pki.configuration())
        #expect(verifier.verify(event: Array("{".utf8)).reason == .malformedEvent)
        #expect(verifier.verify(event: Array("[1]".utf8)).reason == .malformedEvent)
        #expect(verifier.verify(event: Array(Self.event.utf8)).reason == .unsigned)
        #expect(verifier.verify(event: Array(#"{"source":"/agencies/dukcapil","gerbangjws":"a..b"}"#.utf8)).reason == .malformedEvent)
        let numeric = #"{"specversion":"1.0","id":"1","type":"t","source":"/agencies/dukcapil","gerbangjws":1}"#
        #expect(verifier.verify(event: Array(numeric.utf8)).reason == .malformedEvent) // the envelope requires a string
        #expect(verifier.verify(event: Array(Self.event.utf8), limits: EnvelopeLimits(maxEventBytes: 10)).reason == .malformedEvent)
    }

    @Test("the development PKI issues, verifies and revokes end to end")
    func developmentPKI() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-devpki-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pki = try DevelopmentPKI.create(at: directory)
        #expect(throws: TrustError.self) { try DevelopmentPKI.create(at: directory) }
        let files = try pki.issue(agency: Agency(id: "dukcapil", displayName: "Dukcapil"))
        let key = try PrivateKey(pem: Array(Data(contentsOf: files.key)))
        let certificate = try Certificate(pem: Array(Data(contentsOf: files.certificate)))
        #expect(certificate.subject.contains("dukcapil"))
        let root = try Certificate(pem: Array(Data(contentsOf: pki.rootCertificateURL)))
        #expect(root.subject.contains("NOT FOR PRODUCTION"))
        let intermediate = try Certificate(pem: Array(Data(contentsOf: pki.intermediateCertificateURL)))
        let configuration = TrustConfiguration(
            trustAnchors: [root], intermediates: [intermediate], knownCertificates: [certificate],
            crlDirectory: pki.crlDirectory, crlPolicy: .chain,
            agencies: AgencyDirectory([Agency(id: "dukcapil", displayName: "Dukcapil")])
        )
        let verifier = try SignatureVerifier(configuration: configuration)
        let signed = try PayloadSigner(key: key, certificate: certificate).sign(event: Array(Self.event.utf8))
        #expect(verifier.verify(event: signed).isValid)
        try pki.revoke(certificate)
        #expect(verifier.verify(event: signed).isValid) // cached until the CRLs are reloaded
        try verifier.chains.reloadCRLs()
        #expect(verifier.verify(event: signed).reason == .revoked)
    }
}
