/// The `properties` keyword (also the declared names `additionalProperties` skips): each
/// declared name with its subschema.
///
/// A class so that keywords holding it are cheap to pass around. `Sendable`: immutable.
final class PropertyTable: Sendable {
    /// Declared names, in schema order.
    let names: [String]
    /// The subschema of each name.
    let nodes: [NodeID]
    /// A fingerprint of each name (UTF-8 length and first byte), compared before the name
    /// itself so that non-matching names are rejected without comparing strings.
    private let fingerprints: [UInt64]
    /// Whether each name is ASCII (then `==` plus equal length is exact equality).
    private let ascii: [Bool]
    /// Name → position in `entries`, for large tables; small tables are scanned (comparing a
    /// few short strings is cheaper than hashing one).
    private let index: [String: Int]?

    /// Tables up to this size are scanned linearly.
    private static let scanLimit = 32

    init(_ entries: [(name: String, node: NodeID)]) {
        self.names = entries.map(\.name)
        self.nodes = entries.map(\.node)
        self.fingerprints = entries.map { Self.fingerprint($0.name) }
        self.ascii = entries.map { ExactString.isASCII($0.name) }
        if entries.count > Self.scanLimit {
            var index: [String: Int] = [:]
            for (position, entry) in entries.enumerated() { index[entry.name] = position }
            self.index = index
        } else {
            self.index = nil
        }
    }

    @inline(__always)
    private static func fingerprint(_ string: String) -> UInt64 {
        let utf8 = string.utf8
        return UInt64(truncatingIfNeeded: utf8.count) | UInt64(utf8.first ?? 0) << 56
    }

    /// The subschema for the instance member `key` (compared by code points), if declared.
    @inline(__always)
    func node(for key: String) -> NodeID? {
        if let index {
            guard let position = index[key], ExactString.equal(names[position], key) else { return nil }
            return nodes[position]
        }
        let fingerprint = Self.fingerprint(key)
        for position in fingerprints.indices where fingerprints[position] == fingerprint {
            if ascii[position] ? names[position] == key : ExactString.equal(names[position], key) { return nodes[position] }
        }
        return nil
    }
}
