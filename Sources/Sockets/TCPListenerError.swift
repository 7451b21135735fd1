/// A listening socket that could not be set up: what failed, with the host, port and errno.
/// Callers wrap it in their own reason-coded error.
///
/// `Sendable`: a string.
public struct TCPListenerError: Error, CustomStringConvertible, Sendable {
    /// What failed.
    public let message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
