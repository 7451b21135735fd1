import Foundation
import Testing
@testable import Trust

@Suite("Keys")
struct KeyTests {
    @Test("keys of each type round-trip through PKCS#8 PEM and DER", arguments: [KeyType.ecP256, .ed25519])
    func roundTrip(type: KeyType) throws {
        let key = try PrivateKey.generate(type)
        #expect(key.type == type)
        let pem = try key.pkcs8PEM()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let reloaded = try PrivateKey(pem: Array(pem.utf8))
        #expect(try reloaded.publicKey.der() == key.publicKey.der())
        let der = try key.pkcs8DER()
        #expect(try PrivateKey(pkcs8DER: der).publicKey.der() == key.publicKey.der())
        let publicPEM = try key.publicKey.pem()
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(try PublicKey(pem: Array(publicPEM.utf8)).der() == key.publicKey.der())
    }

    @Test("an encrypted key needs its passphrase and never prompts")
    func passphrase() throws {
        let key = try PrivateKey.generate()
        let pem = try key.pkcs8PEM(passphrase: "rahasia negara")
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(try PrivateKey(pem: Array(pem.utf8), passphrase: "rahasia negara").publicKey.der() == key.publicKey.der())
        #expect(throws: TrustError.self) { try PrivateKey(pem: Array(pem.utf8), passphrase: "salah") }
        let error = #expect(throws: TrustError.self) { try PrivateKey(pem: Array(pem.utf8)) }
        #expect(error?.reason == .malformedKey)
        let der = try key.pkcs8DER(passphrase: "x")
        #expect(try PrivateKey(pkcs8DER: der, passphrase: "x").publicKey.der() == key.publicKey.der())
    }

    @Test("garbage is a malformed key, other curves are unsupported")
    func rejects() throws {
        let error = #expect(throws: TrustError.self) { try PublicKey(pem: Array("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n".utf8)) }
        #expect(error?.reason == .malformedKey)
        let p384 = try run("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"])
        let unsupported = #expect(throws: TrustError.self) { try PrivateKey(pem: p384) }
        #expect(unsupported?.reason == .unsupportedKey)
    }

    @Test("ES256 signatures are 64-byte R||S and verify; a changed message does not")
    func es256() throws {
        let key = try PrivateKey.generate()
        let message = Array("pesan".utf8)
        let signature = try key.sign(message, algorithm: .es256)
        #expect(signature.count == 64)
        #expect(try key.publicKey.isValidSignature(signature, for: message, algorithm: .es256))
        #expect(try !key.publicKey.isValidSignature(signature, for: Array("pesan!".utf8), algorithm: .es256))
        let mismatch = #expect(throws: TrustError.self) { try key.publicKey.isValidSignature(signature, for: message, algorithm: .edDSA) }
        #expect(mismatch?.reason == .algKeyMismatch)
    }

    @Test("base64url is strict")
    func base64url() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
            #expect(Base64URL.decodeStandard(Base64URL.encodeStandard(bytes)) == bytes)
        }
        #expect(Base64URL.decode("ab+/") == nil)
        #expect(Base64URL.decode("YQ==") == nil)
        #expect(Base64URL.decode("YR") == nil) // non-zero trailing bits
        #expect(Base64URL.encode(Array("\u{fb}\u{ff}".utf8)) == "w7vDvw")
    }
}
