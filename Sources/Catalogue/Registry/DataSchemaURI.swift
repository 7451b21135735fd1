/// The form of a `dataschema` attribute: `https://schemas.gerbang.go.id/<type>/<version>`.
///
/// The URI is also the `$id` of the event schema, so an event names exactly the schema document
/// that describes it. Shared definitions live under `https://schemas.gerbang.go.id/common/`.
public enum DataSchemaURI {
    /// The base every catalogue schema `$id` starts with.
    public static let base = "https://schemas.gerbang.go.id/"

    /// The `dataschema` URI of `type` at `version`.
    public static func make(type: String, version: SchemaVersion) -> String {
        base + type + "/" + version.description
    }

    /// The type and version a `dataschema` URI names, or nil when it does not have the form above.
    public static func parse(_ uri: String) -> (type: String, version: SchemaVersion)? {
        guard uri.hasPrefix(base) else { return nil }
        let path = uri.dropFirst(base.count)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let type = String(path[..<slash])
        guard EventTypeName.isValid(type), let version = SchemaVersion(path[path.index(after: slash)...]) else { return nil }
        return (type, version)
    }
}

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
