import GerbangJSON

/// The value of a CloudEvents context attribute in the JSON format: extension attributes may
/// be strings, booleans or 32-bit integers (String, Boolean and Integer of the CloudEvents type
/// system; URI, URI-reference, Timestamp and Binary are carried as strings).
///
/// `Sendable`: a value type made only of value types.
public enum CloudEventAttributeValue: Sendable, Hashable {
    /// A string (also URIs, timestamps and binary values in their string form).
    case string(String)
    /// A boolean.
    case boolean(Bool)
    /// A signed 32-bit integer.
    case integer(Int32)

    /// The JSON form of this value.
    public var jsonValue: JSONValue {
        switch self {
        case .string(let string): .string(string)
        case .boolean(let flag): .bool(flag)
        case .integer(let number): .number(JSONNumber(Int(number)))
        }
    }

    /// The attribute value held by `json`, or nil when it is not a CloudEvents attribute type.
    public init?(_ json: JSONValue) {
        switch json {
        case .string(let string): self = .string(string)
        case .bool(let flag): self = .boolean(flag)
        case .number(let number):
            guard let integer = CloudEventValidator.int32(fromJSONText: number.text) else { return nil }
            self = .integer(integer)
        default: return nil
        }
    }

    /// The string, if this is a string.
    public var stringValue: String? { if case .string(let string) = self { string } else { nil } }
}
