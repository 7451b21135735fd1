/// The YAML form of a ``GerbangClient/Configuration`` (the `gerbang:` section of
/// `Config/adapters/<name>.yaml`, or a file of its own). Kebab-case keys; every key optional
/// except `agency` and `adapter`. Relative paths are resolved against a base directory.
///
/// With `data-directory` (a `gerbangd --dev` data folder) the key files default to the
/// development layout: `curve/broker.pub`, `curve/agencies/<agency>.key`,
/// `pki/agencies/<agency>.{key,cert,chain}.pem`.
struct ClientConfigurationFile: Decodable, Sendable {
    var endpoint: String?
    var failoverEndpoints: [String]?
    var brokerPublicKey: String?
    var brokerPublicKeyFile: String?
    var agency: String
    var adapter: String
    var adapterVersion: String?
    var dataDirectory: String?
    var curveSecretKeyFile: String?
    var signing: Signing?
    var subscriptions: [String]?
    var concurrency: UInt32?
    var connectTimeoutMs: Int?
    var reconnect: Reconnect?
    var publishTimeoutMs: Int?
    var maxUnansweredPublishes: Int?
    var maxQueuedPublishes: Int?
    var closeTimeoutMs: Int?
    var zmtpHeartbeatMs: Int?
    var outbox: String?
    var eventSource: String?

    /// The keys this file understands (others are refused, so that a typo is not ignored).
    static let keys: Set<String> = [
        "endpoint", "failover-endpoints", "broker-public-key", "broker-public-key-file", "agency", "adapter", "adapter-version",
        "data-directory", "curve-secret-key-file", "signing", "subscriptions", "concurrency",
        "connect-timeout-ms", "reconnect", "publish-timeout-ms", "max-unanswered-publishes", "max-queued-publishes",
        "close-timeout-ms", "zmtp-heartbeat-ms", "outbox", "event-source",
    ]

    enum CodingKeys: String, CodingKey {
        case endpoint, agency, adapter, signing, subscriptions, concurrency, reconnect, outbox
        case failoverEndpoints = "failover-endpoints"
        case brokerPublicKey = "broker-public-key"
        case brokerPublicKeyFile = "broker-public-key-file"
        case adapterVersion = "adapter-version"
        case dataDirectory = "data-directory"
        case curveSecretKeyFile = "curve-secret-key-file"
        case connectTimeoutMs = "connect-timeout-ms"
        case publishTimeoutMs = "publish-timeout-ms"
        case maxUnansweredPublishes = "max-unanswered-publishes"
        case maxQueuedPublishes = "max-queued-publishes"
        case closeTimeoutMs = "close-timeout-ms"
        case zmtpHeartbeatMs = "zmtp-heartbeat-ms"
        case eventSource = "event-source"
    }

    /// `signing:` — the agency's signing credentials (PEM files).
    struct Signing: Decodable, Sendable {
        var keyFile: String?
        var certificateFile: String?
        var chainFile: String?

        enum CodingKeys: String, CodingKey {
            case keyFile = "key-file"
            case certificateFile = "certificate-file"
            case chainFile = "chain-file"
        }
    }

    /// `reconnect:` — the backoff between connection attempts.
    struct Reconnect: Decodable, Sendable {
        var initialMs: Int?
        var maxMs: Int?

        enum CodingKeys: String, CodingKey {
            case initialMs = "initial-ms"
            case maxMs = "max-ms"
        }
    }
}
