import Yams

/// A mapping of the routes file whose keys have been checked. Internal to the parser.
struct YAMLMapping {
    /// The mapping as a value (for its position and context).
    let value: YAMLValue
    /// The entries in file order, keys as text.
    let entries: [(key: String, keyMark: Mark?, value: YAMLValue)]

    /// Checks the keys: each a string and, unless `allowedKeys` is empty, one of them.
    init(_ mapping: Node.Mapping, value: YAMLValue, allowedKeys: [String]) throws(RoutesError) {
        self.value = value
        var entries: [(key: String, keyMark: Mark?, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let key = YAMLValue(node: keyNode, file: value.file, context: value.context)
            guard case .scalar(let scalar) = keyNode else {
                throw key.error(.wrongType, "a key must be a string, found \(key.kind)")
            }
            if !allowedKeys.isEmpty && !allowedKeys.contains(scalar.string) {
                var message = "unknown key '\(scalar.string)'"
                if let suggestion = Self.closest(to: scalar.string, among: allowedKeys) {
                    message += " (did you mean '\(suggestion)'?)"
                } else {
                    message += " (expected one of: \(allowedKeys.joined(separator: ", ")))"
                }
                throw key.error(.unknownKey, message)
            }
            entries.append((scalar.string, keyNode.mark, YAMLValue(node: valueNode, file: value.file, context: value.context)))
        }
        self.entries = entries
    }

    /// The value of `key`, if present.
    subscript(_ key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }

    /// The value of `key`, or a `routes.missing-key` error at the mapping.
    func required(_ key: String) throws(RoutesError) -> YAMLValue {
        guard let value = self[key] else { throw value.error(.missingKey, "missing key '\(key)'") }
        return value
    }

    /// The allowed key nearest to `key` by edit distance, when it is a plausible typo.
    private static func closest(to key: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(Array(key), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
