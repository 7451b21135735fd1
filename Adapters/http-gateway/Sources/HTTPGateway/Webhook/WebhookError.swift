/// Why a webhook delivery did not get an HTTP answer: all of these are retried.
///
/// `Sendable`: a value type of an enum and a string.
public struct WebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable reason, sent to the broker as the retry's reason. `Sendable`: a plain enum.
    public enum Reason: String, Sendable, Hashable {
        /// No connection (refused, unresolvable, reset).
        case unreachable = "webhook.unreachable"
        /// No complete answer within the timeout.
        case timeout = "webhook.timeout"
        /// The TLS handshake failed (for example the server certificate is not trusted).
        case tls = "webhook.tls"
        /// The answer is not HTTP/1.1.
        case badResponse = "webhook.bad-response"
    }

    /// Why.
    public let reason: Reason
    /// What happened.
    public let message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
