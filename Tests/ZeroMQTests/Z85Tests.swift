import CZeroMQ
import Testing
import ZeroMQ

@Suite("Z85 and CURVE keys")
struct Z85Tests {
    /// libzmq's own encoder, the reference.
    static func libzmqEncode(_ bytes: [UInt8]) -> String? {
        var text = [CChar](repeating: 0, count: bytes.count / 4 * 5 + 1)
        guard zmq_z85_encode(&text, bytes, bytes.count) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// libzmq's own decoder.
    static func libzmqDecode(_ text: String) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: text.utf8.count / 5 * 4)
        guard zmq_z85_decode(&bytes, text) != nil else { return nil }
        return bytes
    }

    @Test("the RFC 32 test vector")
    func rfcVector() throws {
        let bytes: [UInt8] = [0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B]
        #expect(try Z85.encode(bytes) == "HelloWorld")
        #expect(try Z85.decode("HelloWorld") == bytes)
    }

    @Test("round trips agree with libzmq's zmq_z85_encode and zmq_z85_decode")
    func agreesWithLibzmq() throws {
        var generator = SystemRandomNumberGenerator()
        for length in [4, 8, 32, 32, 32, 64, 128] + Array(repeating: 32, count: 50) {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let swiftText = try Z85.encode(bytes)
            #expect(swiftText == Self.libzmqEncode(bytes))
            #expect(try Z85.decode(swiftText) == bytes)
            #expect(Self.libzmqDecode(swiftText) == bytes)
        }
        let extremes: [[UInt8]] = [[0, 0, 0, 0], [0xFF, 0xFF, 0xFF, 0xFF]]
        for bytes in extremes {
            #expect(try Z85.encode(bytes) == Self.libzmqEncode(bytes))
        }
    }

    @Test("invalid Z85 is refused with a reason")
    func invalidInput() {
        #expect(throws: ZMQError.self) { try Z85.encode([1, 2, 3]) }
        #expect(TestSockets.error { _ = try Z85.decode("Hello") } == nil)  // valid: 5 characters
        #expect(TestSockets.error { _ = try Z85.decode("Hell") }?.reason == .invalidZ85)
        #expect(TestSockets.error { _ = try Z85.decode("Hell\"") }?.reason == .invalidZ85)
        #expect(TestSockets.error { _ = try Z85.decode("#####") }?.reason == .invalidZ85)  // > 2^32 - 1
    }

    @Test("generated key pairs are valid CURVE keys")
    func keyPairs() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.z85.count == 40)
        #expect(try CurvePublicKey(z85: pair.publicKey.z85) == pair.publicKey)
        #expect(try CurveKeyPair(secretKey: pair.secretKey).publicKey == pair.publicKey)
        #expect(Self.libzmqEncode(pair.publicKey.bytes) == pair.publicKey.z85)
        #expect(!String(describing: pair).contains(pair.secretKey.z85))
        #expect(TestSockets.error { _ = try CurvePublicKey(bytes: [1, 2, 3]) }?.reason == .invalidCurveKey)
        #expect(TestSockets.error { _ = try CurveSecretKey(z85: "HelloWorld") }?.reason == .invalidCurveKey)
    }
}
