/// Why the HTTP server could not start.
///
/// `Sendable`: a value type of an enum and a string.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public enum Reason: String, Sendable {
        /// The listening socket could not be created or bound.
        case socket = "http.socket"
    }

    /// Why.
    public var reason: Reason
    /// A human message.
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
