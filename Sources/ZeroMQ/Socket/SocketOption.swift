import CZeroMQ

/// A typed libzmq socket option: the `ZMQ_*` code plus the Swift type of its value, so that
/// `Socket.set(_:_:)` and `Socket.get(_:)` only accept values of the right type. Durations are in milliseconds, as in libzmq.
public struct SocketOption<Value>: Sendable, CustomStringConvertible {
    /// The `ZMQ_*` option code passed to `zmq_setsockopt`/`zmq_getsockopt`.
    public let code: Int32
    /// The libzmq option name, for messages.
    public let name: String

    /// An option by its libzmq code; prefer the named static members.
    public init(code: Int32, name: String) {
        self.code = code
        self.name = name
    }

    public var description: String { name }
}

extension SocketOption where Value == Int32 {
    /// `ZMQ_SNDHWM`: most outgoing messages queued per peer (default 1000; 0 unlimited).
    public static var sendHighWaterMark: Self { .init(code: ZMQ_SNDHWM, name: "ZMQ_SNDHWM") }
    /// `ZMQ_RCVHWM`: most incoming messages queued per peer (default 1000; 0 unlimited).
    public static var receiveHighWaterMark: Self { .init(code: ZMQ_RCVHWM, name: "ZMQ_RCVHWM") }
    /// `ZMQ_LINGER`: how long unsent messages are kept after close, ms (`-1` forever).
    public static var lingerMilliseconds: Self { .init(code: ZMQ_LINGER, name: "ZMQ_LINGER") }
    /// `ZMQ_SNDTIMEO`: how long a blocking send waits before ``ZMQError/Reason/wouldBlock``, ms.
    public static var sendTimeoutMilliseconds: Self { .init(code: ZMQ_SNDTIMEO, name: "ZMQ_SNDTIMEO") }
    /// `ZMQ_RCVTIMEO`: how long a blocking receive waits before ``ZMQError/Reason/wouldBlock``, ms.
    public static var receiveTimeoutMilliseconds: Self { .init(code: ZMQ_RCVTIMEO, name: "ZMQ_RCVTIMEO") }
    /// `ZMQ_HEARTBEAT_IVL`: interval between ZMTP PINGs on each connection, ms (0 disables).
    public static var heartbeatIntervalMilliseconds: Self {
        .init(code: ZMQ_HEARTBEAT_IVL, name: "ZMQ_HEARTBEAT_IVL")
    }
    /// `ZMQ_HEARTBEAT_TIMEOUT`: how long to wait for traffic after a PING before closing, ms.
    public static var heartbeatTimeoutMilliseconds: Self {
        .init(code: ZMQ_HEARTBEAT_TIMEOUT, name: "ZMQ_HEARTBEAT_TIMEOUT")
    }
    /// `ZMQ_HEARTBEAT_TTL`: the timeout the remote peer should apply to this side, ms
    /// (libzmq rounds to deciseconds).
    public static var heartbeatTTLMilliseconds: Self { .init(code: ZMQ_HEARTBEAT_TTL, name: "ZMQ_HEARTBEAT_TTL") }
    /// `ZMQ_MECHANISM` (read-only): `ZMQ_NULL`, `ZMQ_PLAIN` or `ZMQ_CURVE`.
    public static var mechanism: Self { .init(code: ZMQ_MECHANISM, name: "ZMQ_MECHANISM") }
}

extension SocketOption where Value == Int64 {
    /// `ZMQ_MAXMSGSIZE`: a peer sending a larger message is disconnected, bytes (`-1` no limit).
    public static var maximumMessageSize: Self { .init(code: ZMQ_MAXMSGSIZE, name: "ZMQ_MAXMSGSIZE") }
}

extension SocketOption where Value == Bool {
    /// `ZMQ_ROUTER_MANDATORY`: a ROUTER reports unroutable messages (`EHOSTUNREACH`) and full
    /// peers (`EAGAIN`) instead of dropping them. Set by the binding on every ROUTER.
    public static var routerMandatory: Self { .init(code: ZMQ_ROUTER_MANDATORY, name: "ZMQ_ROUTER_MANDATORY") }
    /// `ZMQ_IMMEDIATE`: queue messages only to completed connections (no queueing while the peer
    /// is absent).
    public static var immediate: Self { .init(code: ZMQ_IMMEDIATE, name: "ZMQ_IMMEDIATE") }
    /// `ZMQ_CURVE_SERVER`: act as CURVE server. Prefer ``Socket/makeCurveServer(secretKey:zapDomain:)``.
    public static var curveServer: Self { .init(code: ZMQ_CURVE_SERVER, name: "ZMQ_CURVE_SERVER") }
}

extension SocketOption where Value == [UInt8] {
    /// `ZMQ_ROUTING_ID`: the identity a ROUTER peer sees for this socket (1–255 bytes, not
    /// starting with a zero byte). Set before connecting.
    public static var routingID: Self { .init(code: ZMQ_ROUTING_ID, name: "ZMQ_ROUTING_ID") }
    /// `ZMQ_SUBSCRIBE` (SUB, write-only): receive messages starting with this prefix.
    public static var subscribe: Self { .init(code: ZMQ_SUBSCRIBE, name: "ZMQ_SUBSCRIBE") }
    /// `ZMQ_UNSUBSCRIBE` (SUB, write-only): remove a subscription.
    public static var unsubscribe: Self { .init(code: ZMQ_UNSUBSCRIBE, name: "ZMQ_UNSUBSCRIBE") }
    /// `ZMQ_CURVE_PUBLICKEY`: this socket's long-term public key, 32 bytes.
    public static var curvePublicKey: Self { .init(code: ZMQ_CURVE_PUBLICKEY, name: "ZMQ_CURVE_PUBLICKEY") }
    /// `ZMQ_CURVE_SECRETKEY`: this socket's long-term secret key, 32 bytes.
    public static var curveSecretKey: Self { .init(code: ZMQ_CURVE_SECRETKEY, name: "ZMQ_CURVE_SECRETKEY") }
    /// `ZMQ_CURVE_SERVERKEY` (client): the server's public key, 32 bytes.
    public static var curveServerKey: Self { .init(code: ZMQ_CURVE_SERVERKEY, name: "ZMQ_CURVE_SERVERKEY") }
}

extension SocketOption where Value == String {
    /// `ZMQ_ZAP_DOMAIN`: the authentication domain sent to the ZAP handler.
    public static var zapDomain: Self { .init(code: ZMQ_ZAP_DOMAIN, name: "ZMQ_ZAP_DOMAIN") }
    /// `ZMQ_LAST_ENDPOINT` (read-only): the endpoint of the last bind or connect.
    public static var lastEndpoint: Self { .init(code: ZMQ_LAST_ENDPOINT, name: "ZMQ_LAST_ENDPOINT") }
}
