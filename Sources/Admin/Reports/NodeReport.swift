import Foundation

/// `gerbang status` and `gerbang queues`: one `gerbangd` node sharing the broker's store.
///
/// `Sendable`: a value type.
public struct NodeReport: Sendable, Hashable, Codable {
    /// The node's id (`node.id`).
    public var id: String
    /// Its endpoints (adapter endpoint first).
    public var endpoints: [String]
    /// When its current run started.
    public var startedAt: Date
    /// Seconds since its last heartbeat.
    public var lastHeartbeatSecondsAgo: Double
    /// Whether the last heartbeat is recent (`node.stale-after-ms`); a stale node stopped, died or
    /// cannot reach the store.
    public var alive: Bool
    /// Deliveries in flight under its leases.
    public var leases: Int
    /// Events published to it per second (at its last heartbeat).
    public var publishRate: Double
    /// Deliveries it sent per second (at its last heartbeat).
    public var deliverRate: Double
    /// Whether this is the node that answered the request.
    public var answering: Bool

    /// Creates a report.
    public init(id: String, endpoints: [String], startedAt: Date, lastHeartbeatSecondsAgo: Double, alive: Bool, leases: Int,
                publishRate: Double, deliverRate: Double, answering: Bool) {
        self.id = id
        self.endpoints = endpoints
        self.startedAt = startedAt
        self.lastHeartbeatSecondsAgo = lastHeartbeatSecondsAgo
        self.alive = alive
        self.leases = leases
        self.publishRate = publishRate
        self.deliverRate = deliverRate
        self.answering = answering
    }
}
