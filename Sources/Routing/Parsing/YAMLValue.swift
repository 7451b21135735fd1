import Yams

/// One node of the routes file with what the parser needs to explain a problem in it: the file
/// name and the context (`subscription 'x'`). Internal to the parser.
struct YAMLValue {
    let node: Node
    let file: String
    /// Where in the document the value is, for people (e.g. `subscription 'kemensos.bansos'`).
    let context: String

    /// An error at this value's position.
    func error(_ reason: RoutesErrorReason, _ message: String) -> RoutesError {
        Self.error(reason, message, file: file, context: context, at: node.mark)
    }

    /// An error at `mark`, prefixed by `context` when there is one.
    static func error(_ reason: RoutesErrorReason, _ message: String, file: String, context: String, at mark: Mark?) -> RoutesError {
        RoutesError(reason, context.isEmpty ? message : "\(context): \(message)", file: file, line: mark?.line, column: mark?.column)
    }

    /// This value in another context.
    func within(_ context: String) -> YAMLValue { YAMLValue(node: node, file: file, context: context) }

    /// Whether the node is a YAML null (an empty value, `~` or `null`, unquoted).
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && Self.nullSpellings.contains(scalar.string)
    }

    /// What the node is, for "expected X, found Y" messages.
    var kind: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): isNull ? "nothing" : "'\(scalar.string)'"
        }
    }

    private static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The text of a scalar that is not null.
    func string(_ what: String = "a string") throws(RoutesError) -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error(.wrongType, "expected \(what), found \(kind)")
        }
        return scalar.string
    }

    /// A plain (unquoted) integer.
    func integer(in range: ClosedRange<Int>) throws(RoutesError) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            throw error(.wrongType, "expected an integer, found \(kind)")
        }
        guard range.contains(value) else {
            throw error(.invalidValue, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A plain (unquoted) number.
    func number(in range: ClosedRange<Double>) throws(RoutesError) -> Double {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            throw error(.wrongType, "expected a number, found \(kind)")
        }
        guard range.contains(value) else {
            throw error(.invalidValue, "\(scalar.string) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A duration such as `500ms`, `2s`, `1.5m` or `1h`, within `range`.
    func duration(in range: ClosedRange<Duration>) throws(RoutesError) -> Duration {
        let text = try string("a duration such as 500ms, 2s, 5m or 1h")
        let value: Duration
        do {
            value = try DurationSyntax.parse(text)
        } catch {
            throw self.error(.invalidDuration, error.message)
        }
        guard range.contains(value) else {
            throw error(.invalidValue, "\(text) is out of range \(DurationSyntax.format(range.lowerBound))...\(DurationSyntax.format(range.upperBound))")
        }
        return value
    }

    /// A list; a single scalar counts as a list of one when `allowsScalar`.
    func list(_ what: String, allowsScalar: Bool = false) throws(RoutesError) -> [YAMLValue] {
        switch node {
        case .sequence(let sequence):
            return sequence.map { YAMLValue(node: $0, file: file, context: context) }
        case .scalar where allowsScalar && !isNull:
            return [self]
        default:
            throw error(.wrongType, "expected a list of \(what), found \(kind)")
        }
    }

    /// A mapping whose keys must all be in `allowedKeys`.
    func mapping(allowedKeys: [String]) throws(RoutesError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, "expected a mapping, found \(kind)")
        }
        return try YAMLMapping(mapping, value: self, allowedKeys: allowedKeys)
    }
}
