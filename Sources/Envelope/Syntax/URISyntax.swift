/// RFC 3986 syntax checks for `source` (URI-reference) and `dataschema` (absolute URI).
///
/// Checks the character repertoire (unreserved, reserved, and well-formed `%XX` escapes) and,
/// for absolute URIs, the scheme; it does not parse authority or path further.
enum URISyntax {
    /// A URI with a scheme: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" ...`.
    static func isAbsoluteURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]) else { return false }
        for byte in bytes[1..<colon] where !(isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "+")
                                             || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) {
            return false
        }
        return hasURICharactersOnly(bytes)
    }

    /// A URI or a relative reference (non-empty; only URI characters).
    static func isURIReference(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return !bytes.isEmpty && hasURICharactersOnly(bytes)
    }

    private static func hasURICharactersOnly(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isAlpha(byte) || isDigit(byte) || allowedPunctuation.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    /// unreserved `-._~`, gen-delims `:/?#[]@`, sub-delims `!$&'()*+,;=`.
    private static let allowedPunctuation: Set<UInt8> = Set("-._~:/?#[]@!$&'()*+,;=".utf8)

    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}
