/// A filter expression on tail line attributes: comparisons joined by `and`.
///
/// ```
/// type~population.* and subscriber!=bpjs-kesehatan/kepesertaan and status=delivered
/// ```
/// `attr=value` (equal), `attr!=value` (not equal, also true when the line has no such
/// attribute), `attr~glob` (``GlobPattern``). Attribute names: ``TailLine/attributeNames``.
///
/// `Sendable`: a value type.
public struct WhereExpression: Sendable, Hashable, Codable {
    /// One comparison.
    public struct Comparison: Sendable, Hashable, Codable {
        /// How to compare.
        public enum Operator: String, Sendable, Hashable, Codable {
            /// Equal.
            case equal = "="
            /// Not equal.
            case notEqual = "!="
            /// Glob match.
            case glob = "~"
        }

        /// The attribute name.
        public var attribute: String
        /// The operator.
        public var op: Operator
        /// The value or glob.
        public var value: String

        /// Whether `line` satisfies the comparison.
        public func matches(_ line: TailLine) -> Bool {
            let actual = line.attribute(attribute)
            switch op {
            case .equal: return actual == value
            case .notEqual: return actual != value
            case .glob: return actual.map { GlobPattern(value).matches($0) } ?? false
            }
        }
    }

    /// The comparisons, all of which must hold.
    public var comparisons: [Comparison]

    /// Parses an expression; throws ``AdminError`` (`admin.bad-request`) naming the bad part.
    public init(parsing text: String) throws(AdminError) {
        var comparisons: [Comparison] = []
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var expectComparison = true
        for word in words {
            if !expectComparison {
                guard word.lowercased() == "and" else {
                    throw AdminError(.badRequest, "--where: expected `and` before `\(word)` (comparisons are joined by `and`)")
                }
                expectComparison = true
                continue
            }
            comparisons.append(try Self.comparison(word))
            expectComparison = false
        }
        guard !comparisons.isEmpty, !expectComparison else {
            throw AdminError(.badRequest, "--where: expected a comparison like `type~population.*` after `and` or at the start")
        }
        self.comparisons = comparisons
    }

    private static func comparison(_ word: String) throws(AdminError) -> Comparison {
        let candidates: [(String, Comparison.Operator)] = [("!=", .notEqual), ("=", .equal), ("~", .glob)]
        for (symbol, op) in candidates {
            guard let range = word.range(of: symbol) else { continue }
            let attribute = String(word[..<range.lowerBound])
            let value = String(word[range.upperBound...])
            guard TailLine.attributeNames.contains(attribute) else {
                throw AdminError(.badRequest, "--where: unknown attribute `\(attribute)` in `\(word)`; known: "
                                 + TailLine.attributeNames.joined(separator: ", "))
            }
            return Comparison(attribute: attribute, op: op, value: value)
        }
        throw AdminError(.badRequest, "--where: `\(word)` is not `attr=value`, `attr!=value` or `attr~glob`")
    }

    /// Whether `line` satisfies every comparison.
    public func matches(_ line: TailLine) -> Bool {
        comparisons.allSatisfy { $0.matches(line) }
    }
}
