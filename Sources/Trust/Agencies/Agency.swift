/// One agency that may send messages through Gerbang.
public struct Agency: Sendable, Hashable {
    /// The stable id (`dukcapil`, `bpjs-kesehatan`, ...): lower-case letters, digits and `-`.
    public let id: String
    /// The agency's name for people.
    public let displayName: String

    /// Creates an agency entry.
    public init(id: String, displayName: String) {
        self.id = id
        self.displayName = displayName
    }

    /// Whether `id` is a well-formed agency id: 1–64 of `a-z`, `0-9`, `-`, not starting with `-`.
    public static func isValidID(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), id.first != "-" else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
