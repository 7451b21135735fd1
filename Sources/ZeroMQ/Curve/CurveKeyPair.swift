import CZeroMQ

/// A CURVE long-term key pair.
///
/// `Sendable` value. Its `description` shows only the public key.
public struct CurveKeyPair: Sendable, Equatable, CustomStringConvertible {
    /// The key peers use to identify this side.
    public let publicKey: CurvePublicKey
    /// The key that proves it; never share or log it.
    public let secretKey: CurveSecretKey

    /// A new random key pair from libzmq (`zmq_curve_keypair`, backed by libsodium).
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        try zmqCall("zmq_curve_keypair") { zmq_curve_keypair(&publicText, &secretText) }
        return CurveKeyPair(
            publicKey: try CurvePublicKey(z85: Self.string(publicText)),
            secretKey: try CurveSecretKey(z85: Self.string(secretText)))
    }

    /// The pair of a stored secret key; the public key is derived (`zmq_curve_public`).
    public init(secretKey: CurveSecretKey) throws(ZMQError) {
        var publicText = [CChar](repeating: 0, count: 41)
        let secretText = Array(secretKey.z85.utf8CString)
        try zmqCall("zmq_curve_public") { zmq_curve_public(&publicText, secretText) }
        self.init(publicKey: try CurvePublicKey(z85: Self.string(publicText)), secretKey: secretKey)
    }

    /// A pair from both keys as stored (no check that they belong together).
    public init(publicKey: CurvePublicKey, secretKey: CurveSecretKey) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    public var description: String { "CurveKeyPair(public: \(publicKey))" }

    private static func string(_ text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
