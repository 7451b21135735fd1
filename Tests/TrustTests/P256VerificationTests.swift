import Testing
@testable import Trust

/// The ES256 fast path (`VerificationTemplate.verifyP256`: the key's precomputed multiples and
/// SEC 1 verification written out with OpenSSL's EC and BN calls) against OpenSSL's own ECDSA
/// verification (`verifyECDSA`, `EVP_PKEY_verify`) on the same signatures: valid ones, tampered
/// ones, and the edge values of r and s.
@Suite("ES256 verification with a precomputed key")
struct P256VerificationTests {
    /// The order n of P-256, big-endian.
    static let order: [UInt8] = hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551")

    @Test("the fast path agrees with OpenSSL's ECDSA verification on valid, tampered and edge-case signatures")
    func agreesWithOpenSSL() throws {
        var generator = SystemRandomNumberGenerator()
        let other = try PrivateKey.generate(.ecP256)
        var checked = 0
        for _ in 0..<12 {
            let privateKey = try PrivateKey.generate(.ecP256)
            // A public key of its own, as a verifier has it (from DER, not from the private key).
            let publicKey = try PublicKey(der: privateKey.publicKey.der())
            let template = try #require(publicKey.handle.verification)
            // The multiples are precomputed once the key has been verified often enough.
            let warmUp = try privateKey.sign([0x67], algorithm: .es256)
            for _ in 1..<VerificationTemplate.precomputeAfter {
                #expect(template.verifyP256(rawSignature: warmUp, message: [0x67]) == nil)
            }
            #expect(template.verifyP256(rawSignature: warmUp, message: [0x67]) == true)
            for _ in 0..<12 {
                let message = (0..<Int.random(in: 0...4_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let signature = try privateKey.sign(message, algorithm: .es256)
                #expect(signature.count == 64)
                let r = Array(signature[0..<32]), s = Array(signature[32...])
                var flipped = message.isEmpty ? [1] : message
                flipped[flipped.count / 2] ^= 0x01
                let cases: [(name: String, signature: [UInt8], message: [UInt8], valid: Bool?)] = [
                    ("as signed", signature, message, true),
                    ("high s (n - s)", r + Self.subtract(Self.order, s), message, nil),
                    ("other message", signature, flipped, false),
                    ("r + 1", Self.addOne(r) + s, message, false),
                    ("s + 1", r + Self.addOne(s), message, false),
                    ("other key", try other.sign(message, algorithm: .es256), message, false),
                    ("r = 0", [UInt8](repeating: 0, count: 32) + s, message, false),
                    ("s = 0", r + [UInt8](repeating: 0, count: 32), message, false),
                    ("r = n", Self.order + s, message, false),
                    ("s = n", r + Self.order, message, false),
                    ("r = n - 1", Self.subtract(Self.order, Self.one) + s, message, false),
                    ("s = all ones", r + [UInt8](repeating: 0xFF, count: 32), message, false),
                    ("random", (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }, message, false),
                ]
                for item in cases {
                    let fast = template.verifyP256(rawSignature: item.signature, message: item.message)
                    let reference = template.verifyECDSA(derSignature: try ECDSASignature.der(fromRaw: item.signature),
                                                         message: item.message)
                    #expect(fast != nil, "\(item.name): the fast path was not taken")
                    #expect(fast == reference, "\(item.name): fast \(String(describing: fast)), OpenSSL \(String(describing: reference))")
                    if let valid = item.valid { #expect(fast == valid, "\(item.name)") }
                    checked += 1
                }
                // Through the public API too.
                #expect(try publicKey.isValidSignature(signature, for: message, algorithm: .es256))
                #expect(try !publicKey.isValidSignature(signature, for: flipped, algorithm: .es256))
            }
        }
        #expect(checked == 12 * 12 * 13)
    }

    @Test("a signature of the wrong length is still refused as malformed")
    func wrongLength() throws {
        let key = try PrivateKey.generate(.ecP256)
        let signature = try key.sign([1, 2, 3], algorithm: .es256)
        let error = #expect(throws: TrustError.self) {
            try key.publicKey.isValidSignature(signature.dropLast(), for: [1, 2, 3], algorithm: .es256)
        }
        #expect(error?.reason == .badSignature)
    }

    static let one: [UInt8] = [UInt8](repeating: 0, count: 31) + [1]

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    /// a - b for 32-byte big-endian numbers (a ≥ b).
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in stride(from: 31, through: 0, by: -1) {
            var digit = Int(a[index]) - Int(b[index]) - borrow
            borrow = digit < 0 ? 1 : 0
            if digit < 0 { digit += 256 }
            result[index] = UInt8(digit)
        }
        return result
    }

    /// a + 1 for a 32-byte big-endian number (wrapping at 2^256).
    static func addOne(_ a: [UInt8]) -> [UInt8] {
        var result = a
        for index in stride(from: 31, through: 0, by: -1) {
            result[index] &+= 1
            if result[index] != 0 { break }
        }
        return result
    }
}
