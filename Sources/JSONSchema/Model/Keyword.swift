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

/// The `properties` keyword (also the declared names `additionalProperties` skips): each
/// declared name with its subschema.
///
/// `Sendable`: immutable value.
struct PropertyTable: Sendable {
    /// Declared names, in schema order.
    let names: [String]
    /// The subschema of each name.
    let nodes: [NodeID]
    /// The UTF-8 length of each name, compared before the name itself so that most
    /// non-matching names are rejected without touching their strings.
    private let lengths: [Int]
    /// Whether each name is ASCII (then `==` plus equal length is exact equality).
    private let ascii: [Bool]
    /// Name → position in `entries`, for large tables; small tables are scanned (comparing a
    /// few short strings is cheaper than hashing one).
    private let index: [String: Int]?

    /// Tables up to this size are scanned linearly.
    private static let scanLimit = 12

    init(_ entries: [(name: String, node: NodeID)]) {
        self.names = entries.map(\.name)
        self.nodes = entries.map(\.node)
        self.lengths = entries.map { $0.name.utf8.count }
        self.ascii = entries.map { ExactString.isASCII($0.name) }
        if entries.count > Self.scanLimit {
            var index: [String: Int] = [:]
            for (position, entry) in entries.enumerated() { index[entry.name] = position }
            self.index = index
        } else {
            self.index = nil
        }
    }

    /// The subschema for the instance member `key` (compared by code points), if declared.
    @inline(__always)
    func node(for key: String) -> NodeID? {
        if let index {
            guard let position = index[key], ExactString.equal(names[position], key) else { return nil }
            return nodes[position]
        }
        let length = key.utf8.count
        for position in lengths.indices where lengths[position] == length {
            if ascii[position] ? names[position] == key : ExactString.equal(names[position], key) { return nodes[position] }
        }
        return nil
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
