/// The command byte of a GMP/1 header frame (offset 4). `Sendable`: a plain enum.
///
/// The command space is partitioned (see `docs/protocol.md`, "Command codes"): `0x01`–`0x0F`
/// session, `0x10`–`0x1F` publishing, `0x20`–`0x3F` delivery, `0x40`–`0x5F` reserved for the
/// admin protocol on the broker's separate admin socket, everything else reserved. `0x00` is
/// never a command.
public enum GMPCommand: UInt8, Hashable, Sendable, CaseIterable {
    /// Adapter opens a session.
    case hello = 0x01
    /// Broker accepts the session and states its limits.
    case welcome = 0x02
    /// Liveness signal, both directions.
    case heartbeat = 0x03
    /// Orderly end of the session, both directions.
    case bye = 0x04
    /// Session-level error, both directions; always ends the session.
    case error = 0x05
    /// Adapter publishes one or more events.
    case publish = 0x10
    /// Broker confirms one published event as durably stored (or as a duplicate).
    case accepted = 0x11
    /// Broker refuses one published event.
    case rejected = 0x12
    /// Broker delivers one event of a subscription.
    case deliver = 0x20
    /// Adapter acknowledges one or more deliveries.
    case ack = 0x21
    /// Adapter refuses a delivery, retryable or permanent.
    case nack = 0x22
    /// Adapter sets how many unacknowledged deliveries it can hold.
    case credit = 0x23

    /// The command's name as the protocol document spells it, e.g. `"HELLO"`.
    public var name: String {
        switch self {
        case .hello: "HELLO"
        case .welcome: "WELCOME"
        case .heartbeat: "HEARTBEAT"
        case .bye: "BYE"
        case .error: "ERROR"
        case .publish: "PUBLISH"
        case .accepted: "ACCEPTED"
        case .rejected: "REJECTED"
        case .deliver: "DELIVER"
        case .ack: "ACK"
        case .nack: "NACK"
        case .credit: "CREDIT"
        }
    }

    /// The roles allowed to send this command.
    public var senders: Set<GMPRole> {
        switch self {
        case .hello, .publish, .ack, .nack, .credit: [.adapter]
        case .welcome, .accepted, .rejected, .deliver: [.broker]
        case .heartbeat, .bye, .error: [.adapter, .broker]
        }
    }

    /// The exact length in bytes of this command's header frame (prefix plus fixed fields).
    public var headerLength: Int {
        switch self {
        case .hello, .heartbeat, .bye, .error, .publish: 5
        case .welcome: 36
        case .accepted: 22
        case .rejected, .ack: 13
        case .deliver: 29
        case .nack: 18
        case .credit: 9
        }
    }
}
