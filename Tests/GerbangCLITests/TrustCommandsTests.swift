import Foundation
import Testing

@Suite("gerbang pki, sign, verify")
struct TrustCommandsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let agencies = repository.appendingPathComponent("Config/agencies.yaml").path
    static let event = #"{"specversion":"1.0","id":"1","source":"/agencies/bpjs-kesehatan","type":"health.insurance.membership.changed","data":{"peserta":"0001","kelas":2}}"#

    @Test func signVerifyRevokeThroughTheCommandLine() throws {
        let directory = URL(fileURLWithPath: try temporaryFile([], name: "unused")).deletingLastPathComponent()
        let pki = directory.appendingPathComponent("pki").path
        let initialised = try GerbangProcess.run(["pki", "init", "--dir", pki])
        #expect(initialised.status == 0)
        #expect(String(decoding: initialised.stdout, as: UTF8.self).contains("DEVELOPMENT-ONLY"))
        #expect(try GerbangProcess.run(["pki", "init", "--dir", pki]).status == 2) // refuses to overwrite
        #expect(try GerbangProcess.run(["pki", "issue", "--agency", "bpjs-kesehatan", "--dir", pki, "--agencies", Self.agencies]).status == 0)
        let unknown = try GerbangProcess.run(["pki", "issue", "--agency", "nope", "--dir", pki, "--agencies", Self.agencies])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("trust.unknown-agency"))

        let certificate = "\(pki)/agencies/bpjs-kesehatan.cert.pem"
        let shown = String(decoding: try GerbangProcess.run(["pki", "show", certificate]).stdout, as: UTF8.self)
        #expect(shown.contains("agency:      bpjs-kesehatan"))
        #expect(shown.contains("urn:gerbang:agency:bpjs-kesehatan"))

        let eventPath = try temporaryFile(Array(Self.event.utf8))
        let signedPath = directory.appendingPathComponent("signed.json").path
        let signing = try GerbangProcess.run(["sign", eventPath, "--key", "\(pki)/agencies/bpjs-kesehatan.key.pem", "--cert", certificate, "--chain", "-o", signedPath])
        #expect(signing.status == 0, "\(signing.stderr)")

        let verified = try GerbangProcess.run(["verify", signedPath, "--pki-dir", pki, "--agencies", Self.agencies])
        let output = String(decoding: verified.stdout, as: UTF8.self)
        #expect(verified.status == 0, "\(output)")
        #expect(output.contains("agency:    bpjs-kesehatan"))
        #expect(output.contains("verdict:   VALID"))
        #expect(output.contains("  2: CN=Gerbang Development National Root CA"))

        let signed = try String(contentsOfFile: signedPath, encoding: .utf8)
        let tamperedPath = try temporaryFile(Array(signed.replacingOccurrences(of: "\"kelas\":2", with: "\"kelas\":1").utf8))
        let tampered = try GerbangProcess.run(["verify", tamperedPath, "--pki-dir", pki, "--agencies", Self.agencies])
        #expect(tampered.status == 1)
        #expect(String(decoding: tampered.stdout, as: UTF8.self).contains("INVALID trust.bad-signature"))

        #expect(try GerbangProcess.run(["pki", "revoke", certificate, "--dir", pki]).status == 0)
        let revoked = try GerbangProcess.run(["verify", signedPath, "--pki-dir", pki, "--agencies", Self.agencies])
        #expect(revoked.status == 1)
        #expect(String(decoding: revoked.stdout, as: UTF8.self).contains("INVALID trust.revoked"))

        let misconfigured = try GerbangProcess.run(["verify", signedPath, "--trust-anchors", "/nonexistent/root.pem", "--agencies", Self.agencies])
        #expect(misconfigured.status == 2)
        #expect(misconfigured.stderr.contains("trust.configuration"))
    }
}
