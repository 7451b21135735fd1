/// `uuid` (RFC 4122), `uri` and `uri-reference` (RFC 3986), `json-pointer` (RFC 6901), `regex`.
enum IdentifierFormats {
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
        isURIReference(string) && URIReference(string).isAbsolute
    }

    /// RFC 3986 characters only, well-formed percent escapes, a valid scheme when present, and
    /// no `[` `]` outside an IP-literal authority.
    @Sendable static func isURIReference(_ string: String) -> Bool {
        let allowed = Set("-._~:/?#[]@!$&'()*+,;=%".utf8)
        let bytes = Array(string.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, ASCII.isHexDigit(bytes[index + 1]), ASCII.isHexDigit(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard ASCII.isAlpha(byte) || ASCII.isDigit(byte) || allowed.contains(byte) else { return false }
            index += 1
        }
        let reference = URIReference(string)
        if let scheme = reference.scheme {
            guard scheme.utf8.allSatisfy({ ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == 43 || $0 == 45 || $0 == 46 }) else { return false }
        } else if let colon = reference.path.firstIndex(of: ":"), !reference.path[..<colon].contains("/") {
            return false
        }
        let outsideAuthority = reference.path + (reference.query ?? "") + (reference.fragment ?? "")
        if outsideAuthority.contains("[") || outsideAuthority.contains("]") { return false }
        if let authority = reference.authority, authority.contains("[") {
            guard let open = authority.firstIndex(of: "["), let close = authority.firstIndex(of: "]"), open < close else { return false }
        }
        return true
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
