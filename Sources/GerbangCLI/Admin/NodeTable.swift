import Admin
import Foundation

/// The cluster's nodes as `gerbang status` and `gerbang queues` print them: id (`*` marks the
/// node that answered), heartbeat age, alive or stale, leases, rates and endpoints.
enum NodeTable {
    /// The table, fitted to `width`; one line when there is no registry.
    static func render(_ nodes: [NodeReport]?, width: Int?) -> [String] {
        guard let nodes else { return ["nodes      (this store keeps no node registry)"] }
        guard !nodes.isEmpty else { return ["nodes      none registered"] }
        var table = TextTable(headers: ["NODE", "STATE", "HEARTBEAT", "LEASES", "PUBLISHED/S", "DELIVERED/S", "UP", "ENDPOINTS"],
                              rightAligned: [2, 3, 4, 5])
        table.rows = nodes.map { node in
            [(node.answering ? "* " : "  ") + node.id, node.alive ? "alive" : "stale",
             AdminTime.humanDuration(node.lastHeartbeatSecondsAgo) + " ago", String(node.leases),
             AdminCLI.rate(node.publishRate), AdminCLI.rate(node.deliverRate),
             AdminTime.humanDuration(max(0, Date().timeIntervalSince(node.startedAt))), node.endpoints.joined(separator: " ")]
        }
        let alive = nodes.filter(\.alive).count
        return ["nodes      \(nodes.count) registered, \(alive) alive (* answered)"] + table.render(maxWidth: width)
    }
}
