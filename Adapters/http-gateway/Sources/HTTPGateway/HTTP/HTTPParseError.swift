/// Why an HTTP message was refused: a stable reason code and a message for people.
///
/// `Sendable`: a value type of an enum and a string.
public struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable, machine-readable reason. `Sendable`: a plain enum.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The start line or a header field is malformed (→ 400).
        case malformed = "http.malformed"
        /// The head (start line and headers) is larger than allowed (→ 431).
        case headTooLarge = "http.head-too-large"
        /// The body is larger than allowed (→ 413).
        case bodyTooLarge = "http.body-too-large"
        /// A feature the gateway does not implement: a transfer coding such as chunked (→ 501).
        case unsupported = "http.unsupported"
        /// The peer closed the connection before the message was complete.
        case truncated = "http.truncated"
    }

    /// The reason code.
    public let reason: Reason
    /// What is wrong, for people.
    public let message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
