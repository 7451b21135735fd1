import Foundation
import GRDB
import Store

/// The node registry in the SQLite file (table `cluster_node`). One broker opens the file, so
/// the registry holds one node; it is there so that `gerbang status` shows the same view for
/// SQLite and PostgreSQL. Heartbeats are written without an fsync of their own (`.relaxed`):
/// losing the last one in a power failure only makes the node look older.
extension SQLiteStore: ClusterRegistry {
    public func register(_ node: ClusterNode) async throws(StoreError) {
        try await write(durability: .relaxed) { database in try Self.upsert(node, in: database) }
    }

    public func heartbeat(_ node: ClusterNode) async throws(StoreError) {
        try await write(durability: .relaxed) { database in try Self.upsert(node, in: database) }
    }

    public func deregister(_ id: NodeID, incarnation: String) async throws(StoreError) {
        try await write(durability: .relaxed) { database in
            try database.execute(sql: "DELETE FROM cluster_node WHERE id = ? AND incarnation = ?",
                                 arguments: [id.rawValue, incarnation])
        }
    }

    public func nodes() async throws(StoreError) -> [ClusterNode] {
        try await read("cluster nodes") { database in
            try Row.fetchAll(database, sql: """
                SELECT n.*, (SELECT count(*) FROM delivery d
                             WHERE d.state = 'inflight' AND substr(d.consumer, 1, length(n.id) + 1) = n.id || '/') AS leases
                FROM cluster_node n ORDER BY n.id
                """).compactMap { row in
                guard let id = NodeID(rawValue: row["id"]) else { return nil }
                let endpoints: String = row["endpoints"]
                return ClusterNode(id: id, incarnation: row["incarnation"],
                                   endpoints: endpoints.split(separator: "\n").map(String.init),
                                   startedAt: Timestamp.date(row["started_at"] as Int64),
                                   lastHeartbeat: Timestamp.date(row["last_heartbeat"] as Int64), leases: row["leases"],
                                   publishRate: row["publish_rate"], deliverRate: row["deliver_rate"])
            }
        }
    }

    /// Inserts the node's row or replaces the one with its id.
    private static func upsert(_ node: ClusterNode, in database: Database) throws {
        try database.execute(sql: """
            INSERT OR REPLACE INTO cluster_node (id, incarnation, endpoints, started_at, last_heartbeat, publish_rate, deliver_rate)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [node.id.rawValue, node.incarnation, node.endpoints.joined(separator: "\n"),
                             Timestamp.milliseconds(node.startedAt), Timestamp.milliseconds(node.lastHeartbeat),
                             node.publishRate, node.deliverRate])
    }
}
