/// The rule for event type names: `<domain>.<entity>[.<entity>…].<past-tense verb>`, 3 to 5
/// lower-case ASCII words separated by dots, e.g. `population.death.registered`.
public enum EventTypeName {
    /// True when `name` follows the rule.
    public static func isValid(_ name: String) -> Bool {
        let words = name.split(separator: ".", omittingEmptySubsequences: false)
        guard (3...5).contains(words.count), name.utf8.count <= 128 else { return false }
        return words.allSatisfy { word in
            !word.isEmpty && word.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        }
    }
}
