import Foundation
import Testing

@Suite("gerbang pki issue-server")
struct PKIIssueServerCommandTests {
    @Test func aServerCertificateIsIssuedAndCanNeverSignEvents() throws {
        let directory = URL(fileURLWithPath: try temporaryFile([], name: "unused")).deletingLastPathComponent()
        let pki = directory.appendingPathComponent("pki-server").path
        #expect(try GerbangProcess.run(["pki", "init", "--dir", pki]).status == 0)
        let issued = try GerbangProcess.run(["pki", "issue-server", "--name", "http-gateway", "--host", "localhost", "--host", "127.0.0.1", "--dir", pki])
        #expect(issued.status == 0, "\(issued.stderr)")
        for suffix in ["cert", "key", "chain"] {
            #expect(FileManager.default.fileExists(atPath: "\(pki)/servers/http-gateway.\(suffix).pem"))
        }
        let badName = try GerbangProcess.run(["pki", "issue-server", "--name", "Not Valid", "--dir", pki])
        #expect(badName.status != 0)
        #expect(badName.stderr.contains("trust.configuration"))

        // It names no agency: an event signed with it does not verify.
        let event = #"{"specversion":"1.0","id":"1","source":"/agencies/bpjs-kesehatan","type":"health.insurance.membership.changed","data":{}}"#
        let eventPath = try temporaryFile(Array(event.utf8))
        let signedPath = directory.appendingPathComponent("server-signed.json").path
        let signing = try GerbangProcess.run(["sign", eventPath, "--key", "\(pki)/servers/http-gateway.key.pem",
                                              "--cert", "\(pki)/servers/http-gateway.cert.pem", "--chain", "-o", signedPath])
        #expect(signing.status == 0, "\(signing.stderr)")
        let verified = try GerbangProcess.run(["verify", signedPath, "--pki-dir", pki, "--agencies", TrustCommandsTests.agencies])
        #expect(verified.status == 1)
        #expect(String(decoding: verified.stdout, as: UTF8.self).contains("INVALID trust.no-agency"))
    }
}
