import Foundation

/// One `gerbangd` node of a cluster as it last announced itself in the store's node registry
/// (``ClusterRegistry``): where adapters reach it, since when it runs, and what it did lately.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct ClusterNode: Sendable, Hashable, Codable {
    /// The node's id (`node.id` in the configuration, see ``NodeID``).
    public var id: NodeID
    /// This run of the node: a fresh random value at every start, so that the consumer ids of a
    /// restarted node never name the leases of its previous run.
    public var incarnation: String
    /// The endpoints adapters and operators connect to (adapter endpoint first).
    public var endpoints: [String]
    /// When this run started.
    public var startedAt: Date
    /// When the node last wrote its heartbeat.
    public var lastHeartbeat: Date
    /// Deliveries in flight under the node's consumer ids, counted by the store when the
    /// registry is read (``ClusterRegistry/nodes()``); a node that died keeps its leases until
    /// their deadlines. Ignored when a node registers or writes its heartbeat.
    public var leases: Int
    /// Events published to the node per second since the previous heartbeat.
    public var publishRate: Double
    /// Deliveries the node sent per second since the previous heartbeat.
    public var deliverRate: Double

    /// Creates a node record.
    public init(id: NodeID, incarnation: String, endpoints: [String], startedAt: Date, lastHeartbeat: Date,
                leases: Int = 0, publishRate: Double = 0, deliverRate: Double = 0) {
        self.id = id
        self.incarnation = incarnation
        self.endpoints = endpoints
        self.startedAt = startedAt
        self.lastHeartbeat = lastHeartbeat
        self.leases = leases
        self.publishRate = publishRate
        self.deliverRate = deliverRate
    }

    /// Whether the last heartbeat is older than `staleAfter` at `now` (the node stopped, died or
    /// cannot reach the store).
    public func isStale(now: Date, staleAfter: Duration) -> Bool {
        let (seconds, attoseconds) = staleAfter.components
        return now.timeIntervalSince(lastHeartbeat) > Double(seconds) + Double(attoseconds) / 1e18
    }
}
