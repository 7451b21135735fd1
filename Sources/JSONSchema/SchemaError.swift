/// An error compiling a schema: the schema itself (or a document it refers to) is unusable.
///
/// `Sendable`: a value type made only of strings.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason for a compile error.
    public enum Reason: String, Sendable, Hashable {
        /// A keyword has a value of the wrong type or range (e.g. `"minLength": -1`).
        case invalid = "schema.invalid"
        /// A `$ref` or `$dynamicRef` names a document or location that is not known.
        case unresolvedReference = "schema.unresolved-ref"
        /// `$schema` names a meta-schema that is neither bundled nor added as a resource.
        case unknownMetaSchema = "schema.unknown-metaschema"
        /// The meta-schema requires a vocabulary this validator does not implement.
        case unknownVocabulary = "schema.unknown-vocabulary"
        /// A `pattern` or `patternProperties` key is not a valid regular expression.
        case invalidPattern = "schema.invalid-pattern"
        /// Formats assert and a `format` names neither a built-in nor a custom format.
        case unknownFormat = "schema.unknown-format"
        /// The same URI is given to two different schema resources.
        case duplicateResource = "schema.duplicate-resource"
        /// A URI (`$id`, `$ref`, resource URI) cannot be parsed.
        case invalidURI = "schema.invalid-uri"
        /// The schema produces more nodes than ``SchemaOptions/maxSchemaNodes``.
        case tooLarge = "schema.too-large"
    }

    /// Why compilation failed.
    public var reason: Reason
    /// A human message.
    public var message: String
    /// Where in the schema: the absolute URI of the offending schema location with a JSON
    /// Pointer fragment (e.g. `https://example.org/person.json#/properties/nik`), when known.
    public var location: String?

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, location: String? = nil) {
        self.reason = reason
        self.message = message
        self.location = location
    }

    /// `reason: message (at location)`.
    public var description: String {
        if let location { "\(reason.rawValue): \(message) (at \(location))" } else { "\(reason.rawValue): \(message)" }
    }
}
