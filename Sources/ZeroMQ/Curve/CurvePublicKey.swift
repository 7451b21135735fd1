/// A CURVE public key: 32 bytes, written as 40 Z85 characters.
///
/// `Sendable` value; safe to print and log (it identifies a peer, it is not a secret).
public struct CurvePublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32 key bytes.
    public let bytes: [UInt8]

    /// A key from its 32 bytes.
    /// - Throws: ``ZMQError/Reason/invalidCurveKey`` for another length.
    public init(bytes: [UInt8]) throws(ZMQError) {
        self.bytes = try CurveKeyBytes.validate(bytes, call: "CurvePublicKey.init(bytes:)")
    }

    /// A key from its 40-character Z85 text.
    /// - Throws: ``ZMQError/Reason/invalidCurveKey`` or ``ZMQError/Reason/invalidZ85``.
    public init(z85: String) throws(ZMQError) {
        try self.init(bytes: CurveKeyBytes.decode(z85, call: "CurvePublicKey.init(z85:)"))
    }

    /// The 40-character Z85 text of the key.
    public var z85: String { CurveKeyBytes.encode(bytes) }

    public var description: String { z85 }
}
