import GerbangJSON

/// One compiled keyword of a schema object: its name (for error locations) and what it does.
///
/// `Sendable`: immutable values, node indices and `Sendable` helpers only.
struct Keyword: Sendable {
    /// The keyword as written in the schema, e.g. `properties`.
    let name: String
    /// The compiled behaviour.
    let kind: Kind

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
        case additionalProperties(NodeID, declared: Set<String>, patterns: [PatternMatcher])
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
        case required([String])
        case dependentRequired([(property: String, required: [String])])

        // Format (only compiled when formats assert)
        case format(name: String, checker: FormatChecker)
    }
}

/// The `properties` keyword: each declared name with its subschema.
///
/// `Sendable`: immutable value.
struct PropertyTable: Sendable {
    /// Declared names with their nodes, in schema order.
    let entries: [(name: String, node: NodeID)]
    /// Name → node, for lookup by instance member.
    let lookup: [String: NodeID]

    init(_ entries: [(name: String, node: NodeID)]) {
        self.entries = entries
        var lookup: [String: NodeID] = [:]
        for entry in entries { lookup[entry.name] = entry.node }
        self.lookup = lookup
    }
}

/// A numeric bound: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
struct NumberBound: Sendable {
    enum Comparison: Sendable { case minimum, maximum, exclusiveMinimum, exclusiveMaximum }
    let comparison: Comparison
    let limit: JSONNumber
    let limitValue: Double
    let limitDecimal: DecimalNumber

    /// Whether `number` satisfies the bound (exact for ties beyond double precision).
    func admits(_ number: JSONNumber) -> Bool {
        let value = number.doubleValue
        var order: Int
        if value < limitValue { order = -1 } else if value > limitValue { order = 1 } else { order = 0 }
        if order == 0 || !value.isFinite || !limitValue.isFinite {
            guard let exact = DecimalNumber(number.text) else { return false }
            order = DecimalNumber.compare(exact, limitDecimal)
        }
        switch comparison {
        case .minimum: return order >= 0
        case .maximum: return order <= 0
        case .exclusiveMinimum: return order > 0
        case .exclusiveMaximum: return order < 0
        }
    }
}
