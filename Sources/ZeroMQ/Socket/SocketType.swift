import CZeroMQ

/// The libzmq socket patterns the binding exposes.
public enum SocketType: RawRepresentable, Sendable, CaseIterable, CustomStringConvertible {
    /// Addresses peers by routing id; the broker's front socket. Created with `ROUTER_MANDATORY`
    /// and a send timeout (see ``SocketDefaults``).
    case router
    /// Asynchronous request/reply client; load-balances outgoing, fair-queues incoming.
    case dealer
    /// Publisher of a publish/subscribe fan-out.
    case pub
    /// Subscriber; receives nothing until ``SocketOption/subscribe`` is set.
    case sub
    /// Publisher that also receives subscription messages.
    case xpub
    /// Subscriber that sends subscriptions as messages.
    case xsub
    /// Exclusive one-to-one pair, used over `inproc://` to signal between threads.
    case pair
    /// Strict request/reply client (send, then receive).
    case req
    /// Strict request/reply server (receive, then send); used by the ZAP handler.
    case rep
    /// Pipeline producer.
    case push
    /// Pipeline consumer.
    case pull

    /// The `ZMQ_*` constant passed to `zmq_socket`.
    public var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .xpub: ZMQ_XPUB
        case .xsub: ZMQ_XSUB
        case .pair: ZMQ_PAIR
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        }
    }

    /// The socket type for a `ZMQ_*` constant, if the binding supports it.
    public init?(rawValue: Int32) {
        guard let type = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = type
    }

    public var description: String {
        switch self {
        case .router: "ROUTER"
        case .dealer: "DEALER"
        case .pub: "PUB"
        case .sub: "SUB"
        case .xpub: "XPUB"
        case .xsub: "XSUB"
        case .pair: "PAIR"
        case .req: "REQ"
        case .rep: "REP"
        case .push: "PUSH"
        case .pull: "PULL"
        }
    }
}
