/// The formats this validator knows by name. They assert only when formats assert (see
/// ``SchemaOptions/assertFormats``); custom formats with the same name take precedence.
enum BuiltinFormats {
    /// The checker for a built-in format, or nil.
    static func checker(named name: String) -> FormatChecker? {
        switch name {
        case "date": FormatChecker(DateTimeFormats.isDate)
        case "time": FormatChecker(DateTimeFormats.isTime)
        case "date-time": FormatChecker(DateTimeFormats.isDateTime)
        case "duration": FormatChecker(DateTimeFormats.isDuration)
        case "email": FormatChecker(NetworkFormats.isEmail)
        case "hostname": FormatChecker(NetworkFormats.isHostname)
        case "ipv4": FormatChecker(NetworkFormats.isIPv4)
        case "ipv6": FormatChecker(NetworkFormats.isIPv6)
        case "uuid": FormatChecker(IdentifierFormats.isUUID)
        case "uri": FormatChecker(IdentifierFormats.isURI)
        case "uri-reference": FormatChecker(IdentifierFormats.isURIReference)
        case "json-pointer": FormatChecker(IdentifierFormats.isJSONPointer)
        case "regex": FormatChecker(IdentifierFormats.isRegex)
        default: nil
        }
    }

    /// The names of the built-in formats.
    static let names = [
        "date", "time", "date-time", "duration", "email", "hostname", "ipv4", "ipv6", "uuid", "uri",
        "uri-reference", "json-pointer", "regex",
    ]
}

/// Small helpers over ASCII bytes shared by the format checkers.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 102) }

    /// The value of `count` decimal digits at `offset`, or nil.
    static func number(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int? {
        guard offset + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[offset..<offset + count] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
