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
