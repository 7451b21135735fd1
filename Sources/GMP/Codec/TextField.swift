/// The kinds of text field in GMP/1 and their rules (`docs/protocol.md`, "Field types").
///
/// A text frame is checked in this order, and the first failure is the answer: its length
/// (`protocol.field-too-long`), then UTF-8 well-formedness (`protocol.invalid-utf8`), then the
/// kind's syntax (`protocol.invalid-field`).
enum TextField: Sendable {
    /// 1–64 bytes of `[a-z0-9][a-z0-9._-]*`.
    case identifier
    /// Empty, or an identifier.
    case optionalIdentifier
    /// 1–64 bytes of printable ASCII (0x21–0x7E).
    case label
    /// Any UTF-8 text of at most the given number of bytes, possibly empty.
    case prose(maxBytes: Int)

    /// The most bytes this kind allows.
    var maxBytes: Int {
        switch self {
        case .identifier, .optionalIdentifier: GMPProtocol.maxIdentifierBytes
        case .label: GMPProtocol.maxLabelBytes
        case .prose(let maxBytes): maxBytes
        }
    }

    /// Checks `bytes` against this kind's rules; `field` names it in the error.
    func validate(_ bytes: [UInt8], field: String, frame: Int) throws(GMPProtocolError) {
        if bytes.count > maxBytes {
            throw GMPProtocolError(.protocolFieldTooLong, frame: frame, "\(field) is \(bytes.count) bytes, at most \(maxBytes) allowed")
        }
        if !UTF8Validation.isValid(bytes) {
            throw GMPProtocolError(.protocolInvalidUTF8, frame: frame, "\(field) is not valid UTF-8")
        }
        if let violation = syntaxViolation(bytes) {
            throw GMPProtocolError(.protocolInvalidField, frame: frame, "\(field) \(violation)")
        }
    }

    /// Decodes a text frame after validating it.
    func decode(_ bytes: [UInt8], field: String, frame: Int) throws(GMPProtocolError) -> String {
        try validate(bytes, field: field, frame: frame)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Encodes `text` after validating it.
    func encode(_ text: String, field: String, frame: Int) throws(GMPProtocolError) -> [UInt8] {
        let bytes = Array(text.utf8)
        try validate(bytes, field: field, frame: frame)
        return bytes
    }

    /// Describes why well-formed UTF-8 `bytes` break this kind's syntax, or `nil` when they don't.
    func syntaxViolation(_ bytes: [UInt8]) -> String? {
        switch self {
        case .prose:
            return nil
        case .label:
            if bytes.isEmpty { return "must not be empty" }
            if bytes.contains(where: { $0 < 0x21 || $0 > 0x7E }) { return "must be printable ASCII without spaces" }
            return nil
        case .optionalIdentifier:
            return bytes.isEmpty ? nil : TextField.identifier.syntaxViolation(bytes)
        case .identifier:
            guard let first = bytes.first else { return "must not be empty" }
            if !Self.isIdentifierStart(first) || !bytes.allSatisfy(Self.isIdentifierByte) {
                return "must match [a-z0-9][a-z0-9._-]*"
            }
            return nil
        }
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D
    }
}
