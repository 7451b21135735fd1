/// A CURVE secret key: 32 bytes, written as 40 Z85 characters.
///
/// `Sendable` value. Its `description` is redacted so that it does not end up in logs by accident;
/// use ``z85`` deliberately to store it.
public struct CurveSecretKey: Sendable, Equatable, CustomStringConvertible {
    /// The 32 key bytes.
    public let bytes: [UInt8]

    /// A key from its 32 bytes.
    /// - Throws: ``ZMQError/Reason/invalidCurveKey`` for another length.
    public init(bytes: [UInt8]) throws(ZMQError) {
        self.bytes = try CurveKeyBytes.validate(bytes, call: "CurveSecretKey.init(bytes:)")
    }

    /// A key from its 40-character Z85 text.
    /// - Throws: ``ZMQError/Reason/invalidCurveKey`` or ``ZMQError/Reason/invalidZ85``.
    public init(z85: String) throws(ZMQError) {
        try self.init(bytes: CurveKeyBytes.decode(z85, call: "CurveSecretKey.init(z85:)"))
    }

    /// The 40-character Z85 text of the key (a secret: store it, do not log it).
    public var z85: String { CurveKeyBytes.encode(bytes) }

    public var description: String { "CurveSecretKey(redacted)" }
}
