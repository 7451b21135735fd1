import GMP

/// Why a ``GerbangClient`` call failed: a stable machine-readable ``reason``, the broker's own
/// codes when the broker decided (``brokerReason``, ``specificCode``, ``location``), and a human
/// ``message`` that never quotes event data. `Sendable`: a value type.
///
/// Branch on ``reason`` first; for ``Reason/rejected`` branch on ``brokerReason`` (the stable
/// GMP category of `docs/protocol.md`, section 11) and use ``isRetryable`` to decide whether the
/// same event may succeed later.
public struct GerbangClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The client's own reason codes. `Sendable`: a plain enum.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The broker answered REJECTED: the event was not stored (see ``brokerReason``).
        case rejected = "client.rejected"
        /// The broker ended or refused the session with ERROR (see ``brokerReason``).
        case sessionRefused = "client.session-refused"
        /// No WELCOME within the connect timeout.
        case connectTimeout = "client.connect-timeout"
        /// The broker did not confirm the event within the publish timeout. The event may still
        /// be stored; with an outbox it stays there and is sent again.
        case publishTimeout = "client.publish-timeout"
        /// The client already holds ``GerbangClient/Configuration/maxQueuedPublishes`` events
        /// (the broker is slow or unreachable); try again later.
        case queueFull = "client.queue-full"
        /// The client is closed (or closing) and takes no more work.
        case closed = "client.closed"
        /// The configuration is incomplete or a file it names is missing or invalid.
        case configuration = "client.configuration"
        /// The event could not be built or signed.
        case signing = "client.signing"
        /// An argument breaks a protocol rule (e.g. a NACK reason that is not an identifier).
        case invalidArgument = "client.invalid-argument"
        /// The publisher outbox (SQLite) failed.
        case outbox = "client.outbox"
        /// `subscribe()` was called while another delivery stream is active.
        case alreadySubscribed = "client.already-subscribed"
    }

    /// What went wrong, as the client sees it.
    public var reason: Reason
    /// The broker's reason code for ``Reason/rejected`` and ``Reason/sessionRefused``.
    public var brokerReason: ReasonCode?
    /// The deciding layer's own code from REJECTED (e.g. `schema.keyword.format`), or empty.
    public var specificCode: String
    /// Where in the event (a JSON Pointer, an attribute) for REJECTED, or empty.
    public var location: String
    /// An explanation for people.
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, brokerReason: ReasonCode? = nil, specificCode: String = "",
                location: String = "", _ message: String) {
        self.reason = reason
        self.brokerReason = brokerReason
        self.specificCode = specificCode
        self.location = location
        self.message = message
    }

    /// The error for a REJECTED answer.
    init(rejected: GMPMessage.Rejected) {
        self.init(.rejected, brokerReason: rejected.reason, specificCode: rejected.specificCode,
                  location: rejected.location, rejected.message)
    }

    /// Whether the same call may succeed later unchanged: a transient broker condition
    /// (`flow.*`, `store.unavailable`, `broker.internal`), a timeout, or a session that ended.
    public var isRetryable: Bool {
        switch reason {
        case .rejected, .sessionRefused:
            guard let brokerReason else { return false }
            return brokerReason.retryAdvice == .retry || brokerReason.retryAdvice == .reconnect
        case .connectTimeout, .publishTimeout, .queueFull, .outbox:
            return true
        case .closed, .configuration, .signing, .invalidArgument, .alreadySubscribed:
            return false
        }
    }

    /// `client.rejected [schema.violation/schema.keyword.format at /data/person/nik]: message`.
    public var description: String {
        var text = reason.rawValue
        if let brokerReason {
            var detail = brokerReason.rawValue
            if !specificCode.isEmpty { detail += "/\(specificCode)" }
            if !location.isEmpty { detail += " at \(location)" }
            text += " [\(detail)]"
        }
        return message.isEmpty ? text : "\(text): \(message)"
    }
}
