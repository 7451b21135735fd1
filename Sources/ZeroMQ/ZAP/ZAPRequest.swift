/// One authentication request from libzmq to the ZAP handler (ZeroMQ RFC 27), sent while a peer
/// connects to a socket of the context that uses a security mechanism.
///
/// `Sendable` value.
public struct ZAPRequest: Sendable, Equatable {
    /// The `ZMQ_ZAP_DOMAIN` of the accepting socket (`"gerbang"` by default for CURVE servers).
    public let domain: String
    /// The peer's IP address (e.g. `"127.0.0.1"`).
    public let address: String
    /// The connecting socket's routing id as libzmq reports it (often empty).
    public let routingID: [UInt8]
    /// `"NULL"`, `"PLAIN"` or `"CURVE"`.
    public let mechanism: String
    /// For CURVE, the client's long-term public key — what the authorizer decides on.
    public let clientPublicKey: CurvePublicKey?

    /// A request, as the handler parses it (public for tests of authorizers).
    public init(
        domain: String, address: String, routingID: [UInt8], mechanism: String,
        clientPublicKey: CurvePublicKey?
    ) {
        self.domain = domain
        self.address = address
        self.routingID = routingID
        self.mechanism = mechanism
        self.clientPublicKey = clientPublicKey
    }
}
