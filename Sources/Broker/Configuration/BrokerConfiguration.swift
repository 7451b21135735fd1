import Foundation

/// Every setting of `gerbangd`, with its documented default (`docs/configuration.md`).
///
/// `Sendable`: a value type of strings, numbers and durations. Load it from YAML with
/// ``load(contentsOf:)``; every field missing from the file keeps its default. Relative paths
/// are resolved against the directory the broker is started in (the repository root in
/// development).
public struct BrokerConfiguration: Sendable, Hashable {
    /// The broker's name in WELCOME and logs. Default `gerbangd`.
    public var brokerName: String
    /// The ROUTER endpoint adapters connect to. Default `tcp://127.0.0.1:5560`.
    public var adapterEndpoint: String
    /// Where Prometheus scrapes `GET /metrics`: `host:port` (IPv4; port 0 picks a free one), or
    /// `off`. Default `127.0.0.1:9560`.
    public var metricsEndpoint: String
    /// The operators' admin endpoint (ROUTER, CURVE with the operators' keys, `docs/admin.md`),
    /// or `off`. Default `tcp://127.0.0.1:5561`.
    public var adminEndpoint: String = "tcp://127.0.0.1:5561"
    /// The admin endpoint's limits.
    public var admin = AdminSettings()
    /// The directory for the store, generated keys and the development PKI. Default `data`.
    public var dataDirectory: String
    /// Development mode: create missing CURVE keys and the development PKI under the data
    /// directory on start. Default `false` (`gerbangd --dev` sets it).
    public var developmentMode: Bool
    /// Paths of the other configuration files.
    public var paths: Paths
    /// The store.
    public var store: StoreSettings
    /// Limits announced in WELCOME and enforced per message.
    public var limits: Limits
    /// Heartbeats (GMP section 7).
    public var heartbeat: Heartbeat
    /// Delivery timers.
    public var delivery: Delivery
    /// The audit trail. Default: see ``AuditSettings``.
    public var audit = AuditSettings()
    /// This broker as a node of a cluster (`node.id`, heartbeats). Default: see ``NodeSettings``.
    public var node = NodeSettings()

    /// Creates a configuration; every argument defaults to the documented default.
    public init(
        brokerName: String = "gerbangd",
        adapterEndpoint: String = "tcp://127.0.0.1:5560",
        metricsEndpoint: String = "127.0.0.1:9560",
        dataDirectory: String = "data",
        developmentMode: Bool = false,
        paths: Paths = Paths(),
        store: StoreSettings = StoreSettings(),
        limits: Limits = Limits(),
        heartbeat: Heartbeat = Heartbeat(),
        delivery: Delivery = Delivery()
    ) {
        self.brokerName = brokerName
        self.adapterEndpoint = adapterEndpoint
        self.metricsEndpoint = metricsEndpoint
        self.dataDirectory = dataDirectory
        self.developmentMode = developmentMode
        self.paths = paths
        self.store = store
        self.limits = limits
        self.heartbeat = heartbeat
        self.delivery = delivery
    }

    /// The store file: `<dataDirectory>/<store.fileName>`.
    public var storePath: String { (dataDirectory as NSString).appendingPathComponent(store.fileName) }

    /// Where the broker's own CURVE key pair lives: `<dataDirectory>/curve/broker.key` (secret key,
    /// Z85, mode 0600) unless `paths.brokerSecretKey` names another file.
    public var brokerSecretKeyPath: String {
        paths.brokerSecretKey ?? (dataDirectory as NSString).appendingPathComponent("curve/broker.key")
    }

    /// The folder of generated per-operator CURVE keys (development mode).
    public var operatorCurveKeyDirectory: String {
        (dataDirectory as NSString).appendingPathComponent("curve/operators")
    }

    /// The folder of generated per-agency CURVE keys (development mode).
    public var agencyCurveKeyDirectory: String {
        (dataDirectory as NSString).appendingPathComponent("curve/agencies")
    }

    /// The PKI folder: `paths.pki`, or `<dataDirectory>/pki` when unset.
    public var pkiDirectory: String {
        paths.pki ?? (dataDirectory as NSString).appendingPathComponent("pki")
    }
}
