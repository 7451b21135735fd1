/// A failure of the beneficiary register (its SQLite database).
///
/// `Sendable`: a value type of an enum and a string.
public struct RegisterError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable {
        /// The database cannot be opened or migrated.
        case unavailable = "register.unavailable"
        /// A read or write failed.
        case database = "register.database"
        /// The seed file cannot be read or has a bad row.
        case seed = "register.seed"
    }

    /// Why.
    public var reason: Reason
    /// A human message (no personal data).
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
