/// A failed TLS operation: a stable reason code, a human message, and what lies behind it (the
/// peer certificate's rejection, the OpenSSL error queue).
///
/// `Sendable`: a value type of strings, enums and `Sendable` errors.
public struct TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why, as a stable machine-readable code.
    ///
    /// `Sendable`: a plain enum with a `String` raw value.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The certificate, key or CA configuration of a context is unusable.
        case configuration = "tls.configuration"
        /// The handshake failed (protocol error, no common cipher, the peer refused our certificate).
        case handshakeFailed = "tls.handshake-failed"
        /// The peer's certificate was refused: missing, or not verified (see ``TLSError/peerRejection``).
        case peerRejected = "tls.peer-rejected"
        /// The socket timed out (``TLSConnection`` reads and writes honour the socket's timeouts).
        case timeout = "tls.timeout"
        /// The peer closed the connection in the middle of an operation.
        case closed = "tls.closed"
        /// A read or write failed below TLS (connection reset, broken pipe).
        case io = "tls.io"
    }

    /// The reason code.
    public let reason: Reason
    /// What went wrong, for people; never contains transferred data.
    public let message: String
    /// Why the peer's certificate chain was refused, for ``Reason/peerRejected``.
    public let peerRejection: TrustError?
    /// The OpenSSL failure behind the error, when there is one.
    public let openSSL: OpenSSLError?

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, peerRejection: TrustError? = nil, openSSL: OpenSSLError? = nil) {
        self.reason = reason
        self.message = message
        self.peerRejection = peerRejection
        self.openSSL = openSSL
    }

    public var description: String {
        var text = "\(reason.rawValue): \(message)"
        if let peerRejection { text += " (\(peerRejection.description))" }
        if let openSSL, !openSSL.queue.isEmpty { text += " [\(openSSL.queue.joined(separator: "; "))]" }
        return text
    }
}
