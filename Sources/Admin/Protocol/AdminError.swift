/// A failed admin request: a stable reason code and a message for people.
///
/// `Sendable`: a value type.
public struct AdminError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The machine-readable reason.
    public var reason: AdminErrorReason
    /// What went wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ reason: AdminErrorReason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `"<reason>: <message>"`.
    public var description: String { "\(reason.rawValue): \(message)" }
}
