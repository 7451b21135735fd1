/// A socket could not be created, bound or connected.
///
/// `Sendable`: a value type of an enum and a string.
public struct SocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable reason. `Sendable`: a plain enum.
    public enum Reason: String, Sendable, Hashable {
        /// The listening socket could not be created or bound.
        case listen = "socket.listen"
        /// The host name does not resolve.
        case resolve = "socket.resolve"
        /// The connection was refused, or timed out.
        case connect = "socket.connect"
    }

    /// Why.
    public let reason: Reason
    /// A human message.
    public let message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
