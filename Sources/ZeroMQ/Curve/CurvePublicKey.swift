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

/// Shared length checks and Z85 conversion of CURVE keys.
enum CurveKeyBytes {
    static let count = 32

    static func validate(_ bytes: [UInt8], call: String) throws(ZMQError) -> [UInt8] {
        guard bytes.count == count else {
            throw ZMQError(
                reason: .invalidCurveKey, call: call,
                message: "a CURVE key is \(count) bytes; got \(bytes.count)")
        }
        return bytes
    }

    static func decode(_ z85: String, call: String) throws(ZMQError) -> [UInt8] {
        guard z85.utf8.count == count / 4 * 5 else {
            throw ZMQError(
                reason: .invalidCurveKey, call: call,
                message: "a Z85 CURVE key is \(count / 4 * 5) characters; got \(z85.utf8.count)")
        }
        return try Z85.decode(z85)
    }

    static func encode(_ bytes: [UInt8]) -> String {
        // 32 bytes is a multiple of 4, so encoding cannot fail.
        (try? Z85.encode(bytes)) ?? ""
    }
}
