#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import HTTPGateway
import Logging
import Testing
import Trust

/// The gateway's HTTPS server in process: mutual TLS with agency certificates (Trust's
/// `TLSContext`/`TLSConnection`), the agency of the client certificate, refusals at the handshake.
@Suite struct MutualTLSTests {
    init() { signal(SIGPIPE, SIG_IGN) }

    /// A server answering 200 with the client's agency.
    func withServer(_ pki: TestPKI, limits: GatewayServer.Limits = GatewayServer.Limits(maxHeadBytes: 2_048, maxBodyBytes: 4_096),
                    _ body: (UInt16) throws -> Void) throws {
        let (chain, key) = try pki.server()
        let tls = try TLSContext.server(certificateChain: chain, privateKey: key, clientVerifier: pki.verifier())
        let server = try GatewayServer(host: "127.0.0.1", port: 0, tls: tls, limits: limits, logger: Logger(label: "test")) { request, peer in
            HTTPResponse(status: 200, body: Array("\(peer.agency.id) \(request.body.count)".utf8))
        }
        defer { server.shutdown() }
        try body(server.port)
    }

    @Test func aClientWithAnAgencyCertificateIsServedAsThatAgency() throws {
        let pki = try TestPKI()
        try withServer(pki) { port in
            let (chain, key) = try pki.credentials(of: "dukcapil")
            let client = try HTTPSTestClient(port: port, anchors: pki.root, chain: chain, key: key)
            let response = try client.post(Array("hello".utf8), headers: [])
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "dukcapil 5")
        }
    }

    @Test func aClientWithoutACertificateIsRefusedAtTheHandshake() throws {
        let pki = try TestPKI()
        try withServer(pki) { port in
            let client = try HTTPSTestClient(port: port, anchors: pki.root)
            #expect(throws: (any Error).self) { try client.post(Array("hello".utf8), headers: []) }
        }
    }

    @Test func aClientCertificateFromAnotherCAIsRefusedAtTheHandshake() throws {
        let pki = try TestPKI()
        let other = try TestPKI()
        try withServer(pki) { port in
            let (chain, key) = try other.credentials(of: "dukcapil")
            let client = try HTTPSTestClient(port: port, anchors: pki.root, chain: chain, key: key)
            #expect(throws: (any Error).self) { try client.post(Array("hello".utf8), headers: []) }
        }
    }

    @Test func aRevokedClientCertificateIsRefused() throws {
        let pki = try TestPKI()
        let (chain, key) = try pki.credentials(of: "dukcapil")
        try pki.pki.revoke(chain[0])
        try withServer(pki) { port in
            let client = try HTTPSTestClient(port: port, anchors: pki.root, chain: chain, key: key)
            #expect(throws: (any Error).self) { try client.post(Array("hello".utf8), headers: []) }
        }
    }

    @Test func theClientRefusesAServerItDoesNotTrust() throws {
        let pki = try TestPKI()
        let other = try TestPKI()
        try withServer(pki) { port in
            let (chain, key) = try pki.credentials(of: "dukcapil")
            let client = try HTTPSTestClient(port: port, anchors: other.root, chain: chain, key: key)
            do {
                _ = try client.post(Array("hello".utf8), headers: [])
                Issue.record("the handshake succeeded with an untrusted server")
            } catch let error as TLSError {
                #expect(error.reason == .peerRejected || error.reason == .handshakeFailed)
            }
        }
    }

    @Test func theClientChecksTheServersNameAndAddress() throws {
        let pki = try TestPKI()
        try withServer(pki) { port in
            let (chain, key) = try pki.credentials(of: "dukcapil")
            var client = try HTTPSTestClient(port: port, anchors: pki.root, chain: chain, key: key)
            client.serverName = "localhost"
            #expect(try client.post([], headers: []).status == 200)
            client.serverName = "gerbang.example.go.id"
            #expect(throws: TLSError.self) { try client.post([], headers: []) }
            client.serverName = "127.0.0.2"
            #expect(throws: TLSError.self) { try client.post([], headers: []) }
        }
    }

    @Test func oversizedRequestsAreAnsweredWithTheirLimit() throws {
        let pki = try TestPKI()
        try withServer(pki) { port in
            let (chain, key) = try pki.credentials(of: "dukcapil")
            let client = try HTTPSTestClient(port: port, anchors: pki.root, chain: chain, key: key)
            let big = try client.post([UInt8](repeating: 65, count: 5_000), headers: [])
            #expect(big.status == 413)
            #expect(big.field("reason") == "http.body-too-large")
            let longHead = try client.post([], headers: [("X-Padding", String(repeating: "a", count: 3_000))])
            #expect(longHead.status == 431)
        }
    }
}
