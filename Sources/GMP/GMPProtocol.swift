/// Constants of the GMP/1 wire protocol that every message shares (see `docs/protocol.md`).
///
/// Every GMP message is a ZeroMQ multipart message whose frame 0, the *header frame*, starts with
/// the three signature bytes `"GMP"`, one protocol version byte and one command byte. The
/// constants here are fixed by the protocol document, not configuration: changing any of them
/// would make a different protocol.
public enum GMPProtocol {
    /// The signature that opens every header frame: the ASCII bytes `G`, `M`, `P`.
    public static let signature: [UInt8] = [0x47, 0x4D, 0x50]

    /// The protocol version this module speaks and writes into every header frame.
    public static let version: UInt8 = 1

    /// The versions this module can decode. A header with any other version byte is answered
    /// with `protocol.unsupported-version`.
    public static let supportedVersions: [UInt8] = [1]

    /// Length of the prefix of every header frame: signature (3), version (1), command (1).
    public static let prefixLength = 5

    /// Maximum length in bytes of an identifier field (agency, adapter name, subscription,
    /// reason codes).
    public static let maxIdentifierBytes = 64

    /// Maximum length in bytes of a label field (adapter version, broker id).
    public static let maxLabelBytes = 64

    /// Maximum length in bytes of a human-readable message field (ERROR detail, REJECTED
    /// message, NACK message).
    public static let maxMessageBytes = 4096

    /// Maximum length in bytes of the REJECTED location field (a JSON Pointer or attribute name).
    public static let maxLocationBytes = 1024
}
