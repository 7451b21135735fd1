/// The `settings:` of the gateway's configuration file (kebab-case keys). Relative paths are
/// resolved against the folder the gateway runs in.
///
/// `Sendable`, `Decodable`: a value type.
public struct HTTPGatewaySettings: Sendable, Hashable, Decodable {
    /// The IPv4 address to listen on. Default `127.0.0.1`.
    public var listenHost: String
    /// The TCP port (0 picks a free one, printed in the ready line). Default 8443.
    public var listenPort: UInt16
    /// The gateway's TLS server certificate (PEM; more certificates after the first are sent as
    /// its chain). Default `data/pki/servers/http-gateway.cert.pem` (issued by `gerbangd --dev`).
    public var serverCertificate: String
    /// Intermediate CA certificates sent after the server certificate (PEM), or nil.
    /// Default `data/pki/servers/http-gateway.chain.pem`.
    public var serverChain: String?
    /// The server certificate's private key (PEM). Default `data/pki/servers/http-gateway.key.pem`.
    public var serverKey: String
    /// The root CA(s) client certificates must chain to (PEM). Default `data/pki/root-ca.cert.pem`.
    public var trustAnchors: String
    /// Intermediate CA certificates for client chains (PEM), or nil. Default `data/pki/intermediate-ca.cert.pem`.
    public var intermediates: String?
    /// The folder of CRLs client certificates are checked against, or nil. Default `data/pki/crl`.
    public var crlDirectory: String?
    /// How often the CRLs are read again, in seconds (10–86,400), so that a revocation takes
    /// effect without a restart. Default 300.
    public var crlReloadSeconds: Int
    /// The agency directory client certificates must name an agency of. Default `Config/agencies.yaml`.
    public var agencies: String
    /// The agency's webhook (`http://` or `https://`) its subscribed events are POSTed to. Required.
    public var webhook: String
    /// The root CA(s) an `https` webhook's certificate must chain to (PEM). Default: ``trustAnchors``.
    public var webhookTrustAnchors: String?
    /// The longest one webhook delivery may take, in ms (100–600,000). Default 10,000.
    public var webhookTimeoutMs: Int
    /// Connections served at once (1–10,000). Default 32.
    public var maxConnections: Int
    /// Largest request head in bytes (1 KiB–1 MiB). Default 16,384.
    public var maxHeadBytes: Int
    /// Largest request body in bytes (1 KiB–16 MiB). Default 262,144.
    public var maxBodyBytes: Int
    /// The longest a request may take, handshake included, in ms (100–600,000). Default 10,000.
    public var requestTimeoutMs: Int

    enum CodingKeys: String, CodingKey {
        case webhook, agencies, intermediates
        case listenHost = "listen-host", listenPort = "listen-port"
        case serverCertificate = "server-certificate", serverChain = "server-chain", serverKey = "server-key"
        case trustAnchors = "trust-anchors", crlDirectory = "crl-directory", crlReloadSeconds = "crl-reload-seconds"
        case webhookTrustAnchors = "webhook-trust-anchors", webhookTimeoutMs = "webhook-timeout-ms"
        case maxConnections = "max-connections", maxHeadBytes = "max-head-bytes", maxBodyBytes = "max-body-bytes"
        case requestTimeoutMs = "request-timeout-ms"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T { try container.decodeIfPresent(T.self, forKey: key) ?? fallback }
        func range(_ key: CodingKeys, _ number: Int, _ bounds: ClosedRange<Int>) throws -> Int {
            guard bounds.contains(number) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "\(key.rawValue) must be \(bounds.lowerBound)-\(bounds.upperBound)")
            }
            return number
        }
        listenHost = try value(.listenHost, "127.0.0.1")
        listenPort = try value(.listenPort, 8443)
        serverCertificate = try value(.serverCertificate, "data/pki/servers/http-gateway.cert.pem")
        serverChain = try value(.serverChain, "data/pki/servers/http-gateway.chain.pem")
        serverKey = try value(.serverKey, "data/pki/servers/http-gateway.key.pem")
        trustAnchors = try value(.trustAnchors, "data/pki/root-ca.cert.pem")
        intermediates = try value(.intermediates, "data/pki/intermediate-ca.cert.pem")
        crlDirectory = try value(.crlDirectory, "data/pki/crl")
        crlReloadSeconds = try range(.crlReloadSeconds, value(.crlReloadSeconds, 300), 10...86_400)
        agencies = try value(.agencies, "Config/agencies.yaml")
        webhook = try container.decode(String.self, forKey: .webhook)
        guard WebhookEndpoint(url: webhook) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .webhook, in: container, debugDescription: "webhook must be an http:// or https:// URL")
        }
        webhookTrustAnchors = try container.decodeIfPresent(String.self, forKey: .webhookTrustAnchors)
        webhookTimeoutMs = try range(.webhookTimeoutMs, value(.webhookTimeoutMs, 10_000), 100...600_000)
        maxConnections = try range(.maxConnections, value(.maxConnections, 32), 1...10_000)
        maxHeadBytes = try range(.maxHeadBytes, value(.maxHeadBytes, 16_384), 1_024...1_048_576)
        maxBodyBytes = try range(.maxBodyBytes, value(.maxBodyBytes, 262_144), 1_024...16_777_216)
        requestTimeoutMs = try range(.requestTimeoutMs, value(.requestTimeoutMs, 10_000), 100...600_000)
    }

    /// The server limits these settings describe.
    public var limits: GatewayServer.Limits {
        GatewayServer.Limits(maxConnections: maxConnections, maxHeadBytes: maxHeadBytes, maxBodyBytes: maxBodyBytes,
                             requestTimeoutMilliseconds: requestTimeoutMs)
    }
}
