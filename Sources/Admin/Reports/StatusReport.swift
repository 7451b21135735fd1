import Foundation

/// `gerbang status`: the broker's version, uptime, store and rates.
///
/// `Sendable`: a value type.
public struct StatusReport: Sendable, Hashable, Codable {
    /// `<broker-name>/<version>`.
    public var broker: String
    /// When the broker started.
    public var startedAt: Date
    /// Seconds since the start.
    public var uptimeSeconds: Double
    /// The store file.
    public var storePath: String
    /// Its size with the WAL, bytes.
    public var storeBytes: Int64
    /// Write transactions since the start.
    public var storeTransactions: Int
    /// Average operations per transaction.
    public var storeAverageBatch: Double
    /// Connected adapter sessions.
    public var sessions: Int
    /// Counters since the start (published, accepted, rejected, delivered, acknowledged, retried, dead-lettered).
    public var totals: [String: Int]
    /// Per second over the last `rateWindowSeconds`, same keys.
    public var rates: [String: Double]
    /// The window of `rates`.
    public var rateWindowSeconds: Double
    /// The node that answered (`node.id`); nil from a broker without node ids.
    public var node: String?
    /// Every node registered in the store (one for SQLite), with its heartbeat, leases and rates;
    /// nil when the store keeps no node registry.
    public var nodes: [NodeReport]?

    /// Creates a report.
    public init(broker: String, startedAt: Date, uptimeSeconds: Double, storePath: String, storeBytes: Int64,
                storeTransactions: Int, storeAverageBatch: Double, sessions: Int, totals: [String: Int],
                rates: [String: Double], rateWindowSeconds: Double) {
        self.broker = broker
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.storePath = storePath
        self.storeBytes = storeBytes
        self.storeTransactions = storeTransactions
        self.storeAverageBatch = storeAverageBatch
        self.sessions = sessions
        self.totals = totals
        self.rates = rates
        self.rateWindowSeconds = rateWindowSeconds
    }
}
