/// W3C Trace Context (https://www.w3.org/TR/trace-context/) header formats.
enum TraceContext {
    /// `traceparent`: `version-traceid-parentid-flags`, lowercase hex, 2-32-16-2 digits.
    /// Version `ff` is invalid; version `00` has exactly these four fields; a later version may
    /// append `-`-separated fields. All-zero trace and parent ids are invalid.
    static func isValidTraceparent(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 55 else { return false }
        func isLowerHex(_ range: Range<Int>) -> Bool {
            bytes[range].allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
        }
        func isAllZero(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 == UInt8(ascii: "0") } }
        guard isLowerHex(0..<2), bytes[2] == UInt8(ascii: "-"),
              isLowerHex(3..<35), bytes[35] == UInt8(ascii: "-"),
              isLowerHex(36..<52), bytes[52] == UInt8(ascii: "-"),
              isLowerHex(53..<55)
        else { return false }
        let version = String(decoding: bytes[0..<2], as: UTF8.self)
        guard version != "ff", !isAllZero(3..<35), !isAllZero(36..<52) else { return false }
        if version == "00" { return bytes.count == 55 }
        return bytes.count == 55 || bytes[55] == UInt8(ascii: "-")
    }

    /// `tracestate`: up to 32 comma-separated `key=value` members (empty members and optional
    /// spaces or tabs around them allowed). Keys are `[a-z0-9][_0-9a-z-*/]{0,255}` or
    /// `tenant@system`; values are 1–256 printable ASCII characters other than `,` and `=`,
    /// not ending in a space. At most 512 characters in all.
    static func isValidTracestate(_ text: String) -> Bool {
        guard text.utf8.count <= 512 else { return false }
        var members = 0
        for rawMember in text.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let member = trimmed(Array(rawMember))
            if member.isEmpty { continue }
            members += 1
            guard members <= 32, let equals = member.firstIndex(of: UInt8(ascii: "=")) else { return false }
            guard isValidKey(Array(member[..<equals])), isValidValue(Array(member[(equals + 1)...])) else { return false }
        }
        return true
    }

    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return []
        }
        return bytes[first...last]
    }

    private static func isValidKey(_ key: [UInt8]) -> Bool {
        if let at = key.firstIndex(of: UInt8(ascii: "@")) {
            let tenant = key[..<at]
            let system = key[(at + 1)...]
            return !tenant.isEmpty && tenant.count <= 241 && tenant.allSatisfy(isKeyCharacter)
                && !system.isEmpty && system.count <= 14 && system.allSatisfy(isKeyCharacter)
                && isLowerAlphaOrDigit(tenant.first!) && isLowerAlphaOrDigit(system.first!)
        }
        return !key.isEmpty && key.count <= 256 && isLowerAlphaOrDigit(key[0]) && key.allSatisfy(isKeyCharacter)
    }

    private static func isValidValue(_ value: [UInt8]) -> Bool {
        guard !value.isEmpty, value.count <= 256, value.last != 0x20 else { return false }
        return value.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "=") }
    }

    private static func isLowerAlphaOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        isLowerAlphaOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "/")
    }
}
