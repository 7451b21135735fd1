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
