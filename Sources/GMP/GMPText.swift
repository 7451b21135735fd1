/// Helpers for the text fields of GMP messages. `Sendable`: a namespace without state.
public enum GMPText {
    /// Returns `text` cut to at most `maxBytes` UTF-8 bytes, on a Unicode scalar boundary, so
    /// that it fits a length-limited field (ERROR detail, REJECTED message and location).
    public static func truncated(_ text: String, toBytes maxBytes: Int) -> String {
        if text.utf8.count <= maxBytes { return text }
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if used + width > maxBytes { break }
            used += width
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `text` is an identifier: 1 to 64 bytes of `a`–`z`, `0`–`9`, `.`, `_`, `-`,
    /// starting with a letter or digit. Agencies, adapter names, subscriptions and reason codes
    /// are identifiers.
    public static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count <= GMPProtocol.maxIdentifierBytes && TextField.identifier.syntaxViolation(bytes) == nil
    }
}
