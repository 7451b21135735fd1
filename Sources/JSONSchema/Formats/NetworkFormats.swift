/// `email` (RFC 5321 mailbox, ASCII), `hostname` (RFC 1123), `ipv4`, `ipv6` (RFC 4291).
enum NetworkFormats {
    @Sendable static func isHostname(_ string: String) -> Bool {
        var text = Substring(string)
        if text.hasSuffix(".") { text = text.dropLast() }
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-"),
                bytes.allSatisfy({ ASCII.isDigit($0) || ASCII.isAlpha($0) || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        return true
    }

    @Sendable static func isIPv4(_ string: String) -> Bool {
        let parts = string.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            let bytes = Array(part.utf8)
            guard (1...3).contains(bytes.count), bytes.allSatisfy(ASCII.isDigit), !(bytes.count > 1 && bytes[0] == 48),
                let value = Int(part), value <= 255
            else { return false }
        }
        return true
    }

    @Sendable static func isIPv6(_ string: String) -> Bool {
        guard string.utf8.allSatisfy({ ASCII.isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
            return false
        }
        var text = Substring(string)
        var groupsAvailable = 8
        if let lastColon = text.lastIndex(of: ":"), text[lastColon...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
            text = text[...lastColon]
            if !text.hasSuffix("::") { text = text.dropLast() }
            groupsAvailable = 6
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ half: String) -> Int? {
            if half.isEmpty { return 0 }
            var count = 0
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.utf8.count), group.utf8.allSatisfy(ASCII.isHexDigit) else { return nil }
                count += 1
            }
            return count
        }
        if halves.count == 2 {
            guard let left = groups(halves[0]), let right = groups(halves[1]) else { return false }
            return left + right < groupsAvailable
        }
        return groups(halves[0]) == groupsAvailable
    }

    /// `local@domain`: a dot-atom or quoted local part; a hostname or a bracketed IP literal.
    @Sendable static func isEmail(_ string: String) -> Bool {
        guard let at = string.lastIndex(of: "@") else { return false }
        let local = string[..<at]
        let domain = string[string.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            let atext = Set("!#$%&'*+-/=?^_`{|}~".utf8)
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
                local.utf8.allSatisfy({ ASCII.isAlpha($0) || ASCII.isDigit($0) || atext.contains($0) || $0 == UInt8(ascii: ".") })
            else { return false }
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(String(literal))
        }
        return isHostname(String(domain))
    }
}
