import Foundation
import Testing
@testable import Trust

@Suite("Detached JWS signatures")
struct SignatureVerifierTests {
    let payload = Array(#"{"data":{"nik":"3201010101010001"},"id":"1","source":"urn:gerbang:agency:dukcapil"}"#.utf8)

    @Test("each algorithm signs and verifies, with and without x5c", arguments: [
        (KeyType.ecP256, JWSAlgorithm.es256), (.ed25519, .edDSA), (.ed25519, .ed25519), (.rsa, .rs256), (.rsa, .ps256),
    ])
    func roundTrip(keyType: KeyType, algorithm: JWSAlgorithm) throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue(keyType: keyType)
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))

        let embedded = try PayloadSigner(key: key, certificate: certificate, chain: [pki.intermediate], algorithm: algorithm)
        let jws = try embedded.sign(payload)
        #expect(jws.contains(".."))
        let verdict = verifier.verify(jws: jws, payload: payload, claimedAgency: "dukcapil")
        #expect(verdict.isValid, "\(String(describing: verdict.error))")
        #expect(verdict.agency?.id == "dukcapil")
        #expect(verdict.algorithm == algorithm)
        #expect(verdict.chainSubjects.count == 3)

        let byThumbprint = try PayloadSigner(key: key, certificate: certificate, algorithm: algorithm).sign(payload)
        #expect(verifier.verify(jws: byThumbprint, payload: payload, claimedAgency: "dukcapil").isValid)

        var changed = payload
        changed[changed.count / 2] ^= 0x01
        #expect(verifier.verify(jws: jws, payload: changed, claimedAgency: "dukcapil").reason == .badSignature)
    }

    @Test("an RSA signature made by the openssl CLI verifies (PS256 and RS256 padding as JOSE defines)")
    func opensslRSA() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue(keyType: .rsa)
        let keyFile = pki.directory.appendingPathComponent("rsa.key.pem")
        try key.pkcs8PEM().write(to: keyFile, atomically: true, encoding: .utf8)
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))
        for (algorithm, options) in [(JWSAlgorithm.rs256, [String]()), (.ps256, ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"])] {
            let header = Base64URL.encode(JWSHeader(algorithm: algorithm, thumbprint: certificate.sha256Thumbprint).json)
            let input = DetachedJWS.signingInput(encodedHeader: header, payload: payload)
            let signature = try run("openssl", ["dgst", "-sha256", "-sign", keyFile.path] + options, input: input)
            let jws = header + ".." + Base64URL.encode(signature)
            let verdict = verifier.verify(jws: jws, payload: payload, claimedAgency: "dukcapil")
            #expect(verdict.isValid, "\(algorithm): \(String(describing: verdict.error))")
        }
    }

    @Test("alg none, HS256 keyed with the public key, unknown algs, unknown crit and a key mismatch are rejected")
    func hostileHeaders() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue()
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))
        let thumbprint = Base64URL.encode(certificate.sha256Thumbprint)
        let good = try PayloadSigner(key: key, certificate: certificate).sign(payload)
        let goodSignature = String(good.split(separator: ".", omittingEmptySubsequences: false)[2])

        func forged(_ headerJSON: String, signature: String) -> TrustReason? {
            let jws = Base64URL.encode(Array(headerJSON.utf8)) + ".." + signature
            return verifier.verify(jws: jws, payload: payload, claimedAgency: "dukcapil").reason
        }
        #expect(forged(#"{"alg":"none","x5t#S256":"\#(thumbprint)"}"#, signature: "AA") == .algNone)

        // The classic confusion attack: HMAC keyed with the signer's public key, which anyone has.
        let publicPEM = try certificate.publicKey().pem()
        let hsHeader = Base64URL.encode(Array(#"{"alg":"HS256","x5t#S256":"\#(thumbprint)"}"#.utf8))
        let macInput = DetachedJWS.signingInput(encodedHeader: hsHeader, payload: payload)
        let hexKey = Array(publicPEM.utf8).map { String(format: "%02x", $0) }.joined()
        let mac = try run("openssl", ["dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:\(hexKey)", "-binary"], input: macInput)
        #expect(mac.count == 32)
        #expect(verifier.verify(jws: hsHeader + ".." + Base64URL.encode(mac), payload: payload, claimedAgency: "dukcapil").reason == .algHMAC)

        #expect(forged(#"{"alg":"ES512","x5t#S256":"\#(thumbprint)"}"#, signature: goodSignature) == .algUnsupported)
        #expect(forged(#"{"alg":"ES256","x5t#S256":"\#(thumbprint)","crit":["exp"],"exp":1}"#, signature: goodSignature) == .unknownCrit)
        #expect(forged(#"{"alg":"EdDSA","x5t#S256":"\#(thumbprint)"}"#, signature: goodSignature) == .algKeyMismatch)
        #expect(forged(#"{"alg":"RS256","x5t#S256":"\#(thumbprint)"}"#, signature: goodSignature) == .algKeyMismatch)
        #expect(forged(#"{"alg":"ES256"}"#, signature: goodSignature) == .signerUnidentified)
        #expect(forged(#"{"alg":"ES256","x5t#S256":"\#(Base64URL.encode([UInt8](repeating: 7, count: 32)))"}"#, signature: goodSignature) == .unknownSigner)
        #expect(forged(#"{"alg":"ES256","alg":"ES256"}"#, signature: goodSignature) == .malformedJWS)
        #expect(forged(#"["ES256"]"#, signature: goodSignature) == .malformedJWS)
    }

    @Test("malformed serialisations and oversized input are rejected before any crypto")
    func malformed() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue()
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))
        let good = try PayloadSigner(key: key, certificate: certificate).sign(payload)
        let parts = good.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for bad in ["", "abc", "a.b", parts[0] + "." + Base64URL.encode(payload) + "." + parts[2], parts[0] + ".." + parts[2] + "!", "!!.." + parts[2], parts[0] + "..", good + "."] {
            #expect(verifier.verify(jws: bad, payload: payload, claimedAgency: "dukcapil").reason == .malformedJWS, "\(bad.prefix(20))")
        }
        let huge = String(repeating: "A", count: 70_000) + ".." + parts[2]
        #expect(verifier.verify(jws: huge, payload: payload, claimedAgency: "dukcapil").reason == .limitExceeded)
        // A tampered header (even just kid) is a bad signature: the header is signed too.
        let otherHeader = Base64URL.encode(JWSHeader(algorithm: .es256, keyID: "x", thumbprint: certificate.sha256Thumbprint).json)
        #expect(verifier.verify(jws: otherHeader + ".." + parts[2], payload: payload, claimedAgency: "dukcapil").reason == .badSignature)
    }

    @Test("the certificate's agency must be the claimed agency")
    func agencyMismatch() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue(agency: "kemensos")
        let verifier = try SignatureVerifier(configuration: pki.configuration(known: [certificate]))
        let jws = try PayloadSigner(key: key, certificate: certificate).sign(payload)
        #expect(verifier.verify(jws: jws, payload: payload, claimedAgency: "kemensos").isValid)
        let verdict = verifier.verify(jws: jws, payload: payload, claimedAgency: "dukcapil")
        #expect(verdict.reason == .agencyMismatch)
        #expect(verdict.agency?.id == "kemensos")
        #expect(verifier.verify(jws: jws, payload: payload, claimedAgency: nil).reason == .sourceNotAgency)
    }

    @Test("an x5c whose leaf is not the x5t#S256 certificate is rejected")
    func thumbprintMismatch() throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue()
        let (_, other) = try pki.issue()
        let verifier = try SignatureVerifier(configuration: pki.configuration())
        let header = JWSHeader(algorithm: .es256, thumbprint: certificate.sha256Thumbprint, chain: [other.der])
        let jws = try DetachedJWS(signing: payload, header: header, key: key).compact
        #expect(verifier.verify(jws: jws, payload: payload, claimedAgency: "dukcapil").reason == .signerUnidentified)
    }

    @Test("the signer refuses a certificate that does not certify its key")
    func signerMismatch() throws {
        let pki = try TestPKI()
        let (_, certificate) = try pki.issue()
        #expect(reason { try PayloadSigner(key: try PrivateKey.generate(), certificate: certificate) } == .algKeyMismatch)
        #expect(reason { try PayloadSigner(key: try PrivateKey.generate(.ed25519), certificate: certificate, algorithm: .es256) } == .algKeyMismatch)
    }

    @Test("verification is safe from many threads at once and uses the cache", arguments: [KeyType.ecP256, .ed25519, .rsa])
    func concurrent(keyType: KeyType) async throws {
        let pki = try TestPKI()
        let (key, certificate) = try pki.issue(keyType: keyType)
        let verifier = try SignatureVerifier(configuration: pki.configuration())
        let jws = try PayloadSigner(key: key, certificate: certificate, chain: [pki.intermediate]).sign(payload)
        let payload = self.payload
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<50).allSatisfy { index in
                        // Alternate good and tampered payloads: both answers must stay right under concurrency.
                        var input = payload
                        if index % 5 == 4 { input[3] ^= 1 }
                        return verifier.verify(jws: jws, payload: input, claimedAgency: "dukcapil").isValid == (index % 5 != 4)
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
        let statistics = verifier.chains.cacheStatistics
        #expect(statistics.hits + statistics.misses == 400)
        #expect(statistics.misses <= 8)
    }
}
