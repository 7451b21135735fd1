import Store

/// This broker as one node of a cluster sharing a store (`node` in the configuration;
/// `docs/configuration.md`, `docs/deployment.md`).
///
/// `Sendable`: strings and integers.
public struct NodeSettings: Sendable, Hashable {
    /// The node's id in the store's node registry and in its consumer ids (1–64 characters out
    /// of `A–Z a–z 0–9 . _ : -`). Default none: `<hostname>:<port of the bound adapter endpoint>`,
    /// unique as long as no two nodes share a host name and a port.
    public var id: String?
    /// How often the node writes its heartbeat (lease count, rates) to the registry,
    /// milliseconds. Default 2,000.
    public var heartbeatIntervalMilliseconds: Int
    /// A node whose last heartbeat is older than this is shown `stale` by `gerbang status`,
    /// milliseconds; at least twice the heartbeat interval. Default 10,000.
    public var staleAfterMilliseconds: Int
    /// The longest wait between two attempts to reconnect the PostgreSQL `LISTEN` connection
    /// (the waits double from 100 ms up to this), milliseconds. Default 5,000.
    public var listenReconnectMaxMilliseconds: Int

    /// Creates settings; every argument defaults to the documented default.
    public init(id: String? = nil, heartbeatIntervalMilliseconds: Int = 2_000, staleAfterMilliseconds: Int = 10_000,
                listenReconnectMaxMilliseconds: Int = 5_000) {
        self.id = id
        self.heartbeatIntervalMilliseconds = heartbeatIntervalMilliseconds
        self.staleAfterMilliseconds = staleAfterMilliseconds
        self.listenReconnectMaxMilliseconds = listenReconnectMaxMilliseconds
    }

    static func parse(_ section: YAMLSection) throws(BrokerConfigurationError) -> NodeSettings {
        try section.requireOnly(["id", "heartbeat-interval-ms", "stale-after-ms", "listen-reconnect-max-ms"])
        var settings = NodeSettings()
        if let id = try section.string("id") {
            guard NodeID.isValid(id) else {
                throw BrokerConfigurationError(.invalidValue, "\(section.file): `node.id` must be 1 to 64 characters "
                    + "out of A-Z a-z 0-9 . _ : - (got `\(id)`)")
            }
            settings.id = id
        }
        settings.heartbeatIntervalMilliseconds = try section.int("heartbeat-interval-ms", in: 100...600_000)
            ?? settings.heartbeatIntervalMilliseconds
        settings.staleAfterMilliseconds = try section.int("stale-after-ms", in: 200...3_600_000) ?? settings.staleAfterMilliseconds
        settings.listenReconnectMaxMilliseconds = try section.int("listen-reconnect-max-ms", in: 100...600_000)
            ?? settings.listenReconnectMaxMilliseconds
        guard settings.staleAfterMilliseconds >= 2 * settings.heartbeatIntervalMilliseconds else {
            throw BrokerConfigurationError(.invalidValue, "\(section.file): `node.stale-after-ms` "
                + "(\(settings.staleAfterMilliseconds)) must be at least twice `node.heartbeat-interval-ms` "
                + "(\(settings.heartbeatIntervalMilliseconds))")
        }
        return settings
    }
}
