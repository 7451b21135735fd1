/// `uuid` (RFC 4122), `uri` and `uri-reference` (RFC 3986), `json-pointer` (RFC 6901), `regex`.
enum IdentifierFormats {
    /// RFC 3986 reserved and unreserved punctuation.
    private static let uriPunctuation: ScalarSet = {
        var set = ScalarSet()
        for byte in "-._~:/?#[]@!$&'()*+,;=".utf8 { set.insert(UInt32(byte)) }
        return set
    }()

    @Sendable static func isUUID(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !ASCII.isHexDigit(byte) {
                return false
            }
        }
        return true
    }

    @Sendable static func isURI(_ string: String) -> Bool {
        let delimiter = string.utf8.firstIndex { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
        guard let delimiter, string.utf8[delimiter] == UInt8(ascii: ":") else { return false }
        return isURIReference(string)
    }

    /// RFC 3986 characters only, well-formed percent escapes, a valid scheme when present, and
    /// no `[` `]` outside an IP-literal authority.
    @Sendable static func isURIReference(_ string: String) -> Bool {
        var pendingHexDigits = 0
        let uriPunctuation = Self.uriPunctuation
        for byte in string.utf8 {
            if pendingHexDigits > 0 {
                guard ASCII.isHexDigit(byte) else { return false }
                pendingHexDigits -= 1
            } else if byte == UInt8(ascii: "%") {
                pendingHexDigits = 2
            } else if !(ASCII.isAlpha(byte) || ASCII.isDigit(byte) || uriPunctuation.contains(UInt32(byte))) {
                return false
            }
        }
        guard pendingHexDigits == 0 else { return false }
        return hasValidStructure(Array(string.utf8))
    }

    /// A scheme (when there is a colon before any `/`, `?`, `#`) made of valid characters, and
    /// `[` `]` only in the authority (IP literals).
    private static func hasValidStructure(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if let delimiter = bytes.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
            bytes[delimiter] == UInt8(ascii: ":")
        {
            guard delimiter > 0, ASCII.isAlpha(bytes[0]),
                bytes[..<delimiter].allSatisfy({ ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == 43 || $0 == 45 || $0 == 46 })
            else { return false }
            index = delimiter + 1
        }
        var authorityEnd = index
        if bytes.count >= index + 2, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") {
            authorityEnd = bytes[(index + 2)...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
            let authority = bytes[(index + 2)..<authorityEnd]
            if let open = authority.firstIndex(of: UInt8(ascii: "[")) {
                guard let close = authority.firstIndex(of: UInt8(ascii: "]")), open < close else { return false }
            } else if authority.contains(UInt8(ascii: "]")) {
                return false
            }
        }
        return !bytes[authorityEnd...].contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }
    }

    @Sendable static func isJSONPointer(_ string: String) -> Bool {
        guard string.isEmpty || string.hasPrefix("/") else { return false }
        let bytes = Array(string.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "~") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "0") || bytes[index + 1] == UInt8(ascii: "1") else { return false }
        }
        return true
    }

    @Sendable static func isRegex(_ string: String) -> Bool {
        (try? PatternMatcher(string)) != nil
    }
}
