/// Why a region list could not be loaded.
///
/// `Sendable`: a value type made only of strings and integers.
public struct RegionDirectoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable {
        /// The file could not be read.
        case unreadable = "regions.unreadable"
        /// The header is not `kode,nama,tingkat`.
        case badHeader = "regions.bad-header"
        /// A row does not have a dotted code, a name and a level.
        case malformedRow = "regions.malformed-row"
        /// A row's level (`tingkat`) does not match the shape of its code.
        case levelMismatch = "regions.level-mismatch"
        /// A row's enclosing region (e.g. the district of a village) is not listed before it.
        case missingParent = "regions.missing-parent"
        /// The same code appears twice.
        case duplicateCode = "regions.duplicate-code"
        /// The list has no rows.
        case empty = "regions.empty"
    }

    /// Why loading failed.
    public var reason: Reason
    /// A human message.
    public var message: String
    /// The 1-based line of the offending row, when there is one.
    public var line: Int?

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, line: Int? = nil) {
        self.reason = reason
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { "\(reason.rawValue): line \(line): \(message)" } else { "\(reason.rawValue): \(message)" }
    }
}
