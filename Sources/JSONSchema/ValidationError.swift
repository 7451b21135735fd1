/// One reason an instance does not conform to a schema.
///
/// `Sendable`: a value type made only of strings.
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance, as a JSON Pointer (RFC 6901), e.g. `/data/person/nik`; `""` is the
    /// whole instance.
    public var instanceLocation: String
    /// The path of keywords followed through the schema to the failing keyword, as a JSON
    /// Pointer including every `$ref` crossed, e.g. `/properties/data/$ref/properties/nik/format`.
    public var keywordLocation: String
    /// The failing keyword, e.g. `format`, `required`, `type`.
    public var keyword: String
    /// A human message. It names the constraint, never the instance's content (instances carry
    /// personal data).
    public var message: String

    /// Creates an error.
    public init(instanceLocation: String, keywordLocation: String, keyword: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.keyword = keyword
        self.message = message
    }

    /// `instanceLocation: message [keywordLocation]`, with `/` for the root.
    public var description: String {
        "\(instanceLocation.isEmpty ? "/" : instanceLocation): \(message) [\(keywordLocation.isEmpty ? "/" : keywordLocation)]"
    }
}
