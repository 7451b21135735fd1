extension GMPCommand {
    /// What the broker does with this command on a connection without a session
    /// (`docs/protocol.md`, section 4.2). `Sendable`: a plain enum.
    public enum WithoutSession: Hashable, Sendable {
        /// HELLO: open a session.
        case openSession
        /// PUBLISH, ACK, NACK, CREDIT: answer ERROR `protocol.hello-required`.
        case answerHelloRequired
        /// HEARTBEAT, BYE, ERROR: ignore, without answer.
        case ignore
        /// Broker-only commands: answer ERROR `protocol.unexpected-command` (the decoder already
        /// refuses them when told the sender is an adapter).
        case answerUnexpected
    }

    /// How the broker treats this command when the connection has no session.
    public var withoutSession: WithoutSession {
        switch self {
        case .hello: .openSession
        case .publish, .ack, .nack, .credit: .answerHelloRequired
        case .heartbeat, .bye, .error: .ignore
        case .welcome, .accepted, .rejected, .deliver: .answerUnexpected
        }
    }
}
