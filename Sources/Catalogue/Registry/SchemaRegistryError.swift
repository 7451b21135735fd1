import JSONSchema

/// Why the catalogue could not be loaded: the registry refuses to start with a broken catalogue.
///
/// `Sendable`: a value type made only of `Sendable` values.
public struct SchemaRegistryError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable {
        /// The schema directory does not exist or is not a directory.
        case directoryNotFound = "catalogue.directory-not-found"
        /// A file could not be read, or is larger than ``SchemaRegistry/Options/maxSchemaFileBytes``.
        case unreadable = "catalogue.unreadable"
        /// A schema file is not strict JSON or not a JSON object.
        case invalidJSON = "catalogue.invalid-json"
        /// A file or folder is not where the layout `<type>/<version>.schema.json` or
        /// `common/<name>/<version>.schema.json` puts it.
        case badLayout = "catalogue.bad-layout"
        /// A schema's `$id` is not the URI its path implies, or its `type` constant is not its folder.
        case idMismatch = "catalogue.id-mismatch"
        /// A schema does not compile (the underlying ``SchemaError`` is in the message).
        case compileFailed = "catalogue.compile-failed"
        /// The region list behind the formats could not be loaded.
        case regions = "catalogue.regions"
        /// The directory holds no event schema.
        case empty = "catalogue.empty"
    }

    /// Why loading failed.
    public var reason: Reason
    /// A human message.
    public var message: String
    /// The file concerned, when there is one.
    public var path: String?

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, path: String? = nil) {
        self.reason = reason
        self.message = message
        self.path = path
    }

    public var description: String {
        if let path { "\(reason.rawValue): \(path): \(message)" } else { "\(reason.rawValue): \(message)" }
    }
}
