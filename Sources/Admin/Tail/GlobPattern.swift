/// A shell-style glob: `*` any run of characters (also across dots), `?` one character,
/// everything else literal. E.g. `population.*`.
///
/// `Sendable`: a value type.
public struct GlobPattern: Sendable, Hashable, Codable {
    /// The pattern as written.
    public let pattern: String
    private let characters: [Character]

    /// Wraps a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    /// Whether `text` matches the whole pattern (iterative, linear backtracking on the last `*`).
    public func matches(_ text: String) -> Bool {
        let text = Array(text)
        var p = 0, t = 0
        var star = -1, mark = 0
        while t < text.count {
            if p < characters.count && (characters[p] == "?" || characters[p] == text[t]) {
                p += 1
                t += 1
            } else if p < characters.count && characters[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < characters.count && characters[p] == "*" { p += 1 }
        return p == characters.count
    }

    enum CodingKeys: CodingKey { case pattern }

    /// Decodes `{"pattern": "…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .pattern))
    }

    /// Encodes `{"pattern": "…"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pattern, forKey: .pattern)
    }
}
