/// One GMP/1 message: a command with its fields, independent of ZeroMQ. `Sendable`: an enum of
/// value types.
///
/// Encode it with ``encode()`` into the frames of one ZeroMQ multipart message, and decode
/// received frames with ``init(decoding:limits:from:)``. The layout of every command is specified
/// in `docs/protocol.md`; the cases' payload types are nested in extensions of this enum, one file
/// each.
///
/// ``description`` names the command and counts bytes but never prints event payloads, which hold
/// personal data.
public enum GMPMessage: Hashable, Sendable {
    /// HELLO: the adapter opens a session.
    case hello(Hello)
    /// WELCOME: the broker accepts the session.
    case welcome(Welcome)
    /// HEARTBEAT: liveness, both directions; no fields.
    case heartbeat
    /// BYE: orderly end of the session, both directions.
    case bye(Bye)
    /// ERROR: session-level error, both directions; ends the session.
    case error(SessionError)
    /// PUBLISH: one or more events from the adapter.
    case publish(Publish)
    /// ACCEPTED: one published event is durably stored (or was a duplicate).
    case accepted(Accepted)
    /// REJECTED: one published event is refused.
    case rejected(Rejected)
    /// DELIVER: one event of a subscription, to the adapter.
    case deliver(Deliver)
    /// ACK: the adapter has processed a delivery.
    case ack(Ack)
    /// NACK: the adapter refuses a delivery.
    case nack(Nack)
    /// CREDIT: how many unacknowledged deliveries the adapter can hold.
    case credit(Credit)

    /// The command byte of this message.
    public var command: GMPCommand {
        switch self {
        case .hello: .hello
        case .welcome: .welcome
        case .heartbeat: .heartbeat
        case .bye: .bye
        case .error: .error
        case .publish: .publish
        case .accepted: .accepted
        case .rejected: .rejected
        case .deliver: .deliver
        case .ack: .ack
        case .nack: .nack
        case .credit: .credit
        }
    }
}

extension GMPMessage: CustomStringConvertible {
    /// The command and its identifying numbers; never payload bytes or free text.
    public var description: String {
        switch self {
        case .hello(let hello):
            "HELLO(agency: \(hello.agency), adapter: \(hello.adapterName) \(hello.adapterVersion), "
                + "subscriptions: \(hello.subscriptions.count))"
        case .welcome(let welcome):
            "WELCOME(session: \(welcome.sessionID))"
        case .heartbeat:
            "HEARTBEAT"
        case .bye(let bye):
            "BYE(\(bye.reason.rawValue))"
        case .error(let error):
            "ERROR(\(error.reason.rawValue))"
        case .publish(let publish):
            "PUBLISH(\(publish.events.count) events, \(publish.events.reduce(0) { $0 + $1.event.count }) bytes)"
        case .accepted(let accepted):
            "ACCEPTED(tag: \(accepted.tag), sequence: \(accepted.sequence), duplicate: \(accepted.duplicate))"
        case .rejected(let rejected):
            "REJECTED(tag: \(rejected.tag), \(rejected.reason.rawValue))"
        case .deliver(let deliver):
            "DELIVER(id: \(deliver.deliveryID), attempt: \(deliver.attempt), \(deliver.event.count) bytes)"
        case .ack(let ack):
            ack.deliveryIDs.count == 1 ? "ACK(id: \(ack.deliveryID))" : "ACK(ids: \(ack.deliveryID) and \(ack.deliveryIDs.count - 1) more)"
        case .nack(let nack):
            "NACK(id: \(nack.deliveryID), \(nack.disposition))"
        case .credit(let credit):
            "CREDIT(\(credit.credit))"
        }
    }
}
