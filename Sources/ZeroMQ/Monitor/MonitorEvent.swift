import CZeroMQ

/// One socket monitor event (`zmq_socket_monitor`): what happened, on which endpoint, and the
/// event's value (an errno, a ZAP status, a protocol error code or a file descriptor).
public struct MonitorEvent: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of event libzmq 4.3 reports.
    public enum Kind: UInt16, Sendable, CaseIterable {
        /// A connection to a remote endpoint was established (value: fd).
        case connected = 0x0001
        /// A connect is pending (value: errno).
        case connectDelayed = 0x0002
        /// A connect will be retried (value: reconnect interval, ms).
        case connectRetried = 0x0004
        /// The socket listens on an endpoint (value: fd).
        case listening = 0x0008
        /// A bind failed (value: errno).
        case bindFailed = 0x0010
        /// A connection from a peer was accepted (value: fd).
        case accepted = 0x0020
        /// Accepting a connection failed (value: errno).
        case acceptFailed = 0x0040
        /// A connection was closed (value: fd).
        case closed = 0x0080
        /// Closing a connection failed (value: errno).
        case closeFailed = 0x0100
        /// A session was broken off, by the peer or by a failed handshake (value: fd).
        case disconnected = 0x0200
        /// Monitoring ended (the monitored socket was closed); the last event of a stream.
        case monitorStopped = 0x0400
        /// The security handshake failed for a system reason (value: errno).
        case handshakeFailedNoDetail = 0x0800
        /// The security handshake (and ZAP authentication, if any) succeeded.
        case handshakeSucceeded = 0x1000
        /// The handshake failed on a ZMTP protocol error, e.g. a wrong CURVE server key (value:
        /// `ZMQ_PROTOCOL_ERROR_*`).
        case handshakeFailedProtocol = 0x2000
        /// The ZAP handler refused the peer (value: the ZAP status code, e.g. 400).
        case handshakeFailedAuth = 0x4000
    }

    /// A set of event kinds to subscribe to.
    public struct Kinds: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// The set containing `kind`.
        public init(_ kind: Kind) { self.init(rawValue: Int32(kind.rawValue)) }

        /// Every kind (`ZMQ_EVENT_ALL`).
        public static let all = Kinds(rawValue: ZMQ_EVENT_ALL)
        /// Connection lifecycle and handshake outcomes: what a broker logs.
        public static let connectionsAndHandshakes: Kinds = [
            Kinds(.connected), Kinds(.accepted), Kinds(.disconnected), Kinds(.closed),
            Kinds(.handshakeSucceeded), Kinds(.handshakeFailedNoDetail),
            Kinds(.handshakeFailedProtocol), Kinds(.handshakeFailedAuth),
        ]
    }

    /// What happened.
    public let kind: Kind
    /// The event value (meaning depends on ``kind``).
    public let value: UInt32
    /// The endpoint concerned, e.g. `tcp://127.0.0.1:41234`.
    public let endpoint: String

    /// An event (public for tests of monitor consumers).
    public init(kind: Kind, value: UInt32, endpoint: String) {
        self.kind = kind
        self.value = value
        self.endpoint = endpoint
    }

    /// Whether the security handshake failed, for whatever reason.
    public var isHandshakeFailure: Bool {
        kind == .handshakeFailedNoDetail || kind == .handshakeFailedProtocol || kind == .handshakeFailedAuth
    }

    public var description: String { "\(kind)(\(value)) \(endpoint)" }

    /// Parses the two frames libzmq sends per event: 6 bytes (16-bit event id, 32-bit value, native
    /// byte order) and the endpoint. `nil` for malformed frames or unknown event ids.
    static func parse(_ header: Message, _ endpoint: Message) -> MonitorEvent? {
        header.withUnsafeBytes { bytes -> MonitorEvent? in
            guard bytes.count == 6 else { return nil }
            let id = bytes.loadUnaligned(fromByteOffset: 0, as: UInt16.self)
            let value = bytes.loadUnaligned(fromByteOffset: 2, as: UInt32.self)
            guard let kind = Kind(rawValue: id) else { return nil }
            return MonitorEvent(kind: kind, value: value, endpoint: endpoint.string)
        }
    }
}
