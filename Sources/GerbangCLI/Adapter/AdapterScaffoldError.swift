/// Why `gerbang adapter new` cannot scaffold: a stable ``reason`` code and a message.
/// `Sendable`: a value type.
public struct AdapterScaffoldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason codes. `Sendable`: a plain enum.
    public enum Reason: String, Sendable, Hashable {
        /// The adapter name is not an identifier.
        case invalidName = "scaffold.invalid-name"
        /// The agency is not an identifier.
        case invalidAgency = "scaffold.invalid-agency"
        /// A consumed or produced type has no GerbangKit model.
        case unknownType = "scaffold.unknown-type"
        /// A file to write exists already (use --force).
        case fileExists = "scaffold.file-exists"
        /// Package.swift has no `// MARK: Benchmarks` line, or already declares the targets.
        case packageNotEditable = "scaffold.package-not-editable"
        /// A file could not be written.
        case writeFailed = "scaffold.write-failed"
    }

    /// What went wrong.
    public var reason: Reason
    /// For people.
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `reason: message`.
    public var description: String { "\(reason.rawValue): \(message)" }
}
