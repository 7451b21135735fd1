import GerbangJSON

/// One compiled keyword of a schema object: its name (for error locations) and what it does.
///
/// A class, so that evaluation passes keywords around by reference instead of copying their
/// payloads. `Sendable`: immutable, holding only `Sendable` values.
final class Keyword: Sendable {
    /// The keyword as written in the schema, e.g. `properties`.
    let name: String
    /// The compiled behaviour.
    let kind: Kind

    init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// What a keyword checks or applies, with everything precomputed at compile time.
    enum Kind: Sendable {
        // Core
        case ref(NodeID)
        /// A `$dynamicRef` whose static target carries a matching `$dynamicAnchor`: resolved
        /// against the dynamic scope at validation time, falling back to `target`.
        case dynamicRef(target: NodeID, anchor: String)

        // Applicator (in place)
        case allOf([NodeID])
        case anyOf([NodeID])
        case oneOf([NodeID])
        case not(NodeID)
        case conditional(condition: NodeID, then: NodeID?, else: NodeID?)
        case dependentSchemas([(property: String, node: NodeID)])

        // Applicator (children)
        case prefixItems([NodeID])
        case items(NodeID, from: Int)
        case contains(NodeID, minimum: Int, maximum: Int?)
        case properties(PropertyTable)
        case patternProperties([(pattern: PatternMatcher, node: NodeID)])
        case additionalProperties(NodeID, declared: PropertyTable, patterns: [PatternMatcher])
        case propertyNames(NodeID)

        // Unevaluated
        case unevaluatedItems(NodeID)
        case unevaluatedProperties(NodeID)

        // Validation
        case type(JSONTypeSet)
        case const(JSONValue)
        case enumeration([JSONValue])
        case multipleOf(JSONNumber, DecimalNumber)
        case numberBound(NumberBound)
        case maxLength(Int)
        case minLength(Int)
        case pattern(PatternMatcher)
        case maxItems(Int)
        case minItems(Int)
        case uniqueItems
        case maxProperties(Int)
        case minProperties(Int)
        /// The distinct required names.
        case required(PropertyTable)
        case dependentRequired([(property: String, required: [String])])

        // Format (only compiled when formats assert)
        case format(name: String, checker: FormatChecker)
    }
}
