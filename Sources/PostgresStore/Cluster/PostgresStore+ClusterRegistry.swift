import Foundation
import PostgresNIO
import Store

/// The node registry on PostgreSQL (table `gerbang_node`): every node sharing the database
/// registers, writes its heartbeat and leaves through its own store. A heartbeat is a relaxed
/// write (its commit does not wait for a WAL flush of its own): losing the newest one in a crash
/// of the database server only makes the node look older. The lease count of each node is read
/// from `delivery` (in-flight rows whose consumer id starts with `<node>/`), so a node that died
/// shows the leases it still holds until their deadlines.
extension PostgresStore: ClusterRegistry {
    public func register(_ node: ClusterNode) async throws(StoreError) {
        try await write(durability: .relaxed) { transaction in try await Self.upsert(node, in: transaction) }
    }

    public func heartbeat(_ node: ClusterNode) async throws(StoreError) {
        try await write(durability: .relaxed) { transaction in try await Self.upsert(node, in: transaction) }
    }

    public func deregister(_ id: NodeID, incarnation: String) async throws(StoreError) {
        try await write(durability: .relaxed) { transaction in
            try await transaction.execute("DELETE FROM gerbang_node WHERE id = \(id.rawValue) AND incarnation = \(incarnation)")
        }
    }

    public func nodes() async throws(StoreError) -> [ClusterNode] {
        try await read("cluster nodes") { [logger] connection in
            try await connection.rows("""
                SELECT n.id, n.incarnation, n.endpoints, n.started_at, n.last_heartbeat, n.publish_rate, n.deliver_rate,
                       (SELECT count(*) FROM delivery d
                        WHERE d.state = 'inflight' AND left(d.consumer, length(n.id) + 1) = n.id || '/')
                FROM gerbang_node n ORDER BY n.id
                """, logger: logger).compactMap { row in
                let (id, incarnation, endpoints, startedAt, lastHeartbeat, publishRate, deliverRate, leases) =
                    try row.decode((String, String, String, Int64, Int64, Double, Double, Int64).self)
                guard let nodeID = NodeID(rawValue: id) else { return nil }
                return ClusterNode(id: nodeID, incarnation: incarnation, endpoints: endpoints.split(separator: "\n").map(String.init),
                                   startedAt: Timestamp.date(startedAt), lastHeartbeat: Timestamp.date(lastHeartbeat),
                                   leases: Int(leases), publishRate: publishRate, deliverRate: deliverRate)
            }
        }
    }

    /// Inserts the node's row or replaces the one with its id.
    private static func upsert(_ node: ClusterNode, in transaction: PostgresWriteTransaction) async throws {
        let endpoints = node.endpoints.joined(separator: "\n")
        try await transaction.execute("""
            INSERT INTO gerbang_node (id, incarnation, endpoints, started_at, last_heartbeat, publish_rate, deliver_rate)
            VALUES (\(node.id.rawValue), \(node.incarnation), \(endpoints), \(Timestamp.milliseconds(node.startedAt)),
                    \(Timestamp.milliseconds(node.lastHeartbeat)), \(node.publishRate), \(node.deliverRate))
            ON CONFLICT (id) DO UPDATE SET incarnation = EXCLUDED.incarnation, endpoints = EXCLUDED.endpoints,
                started_at = EXCLUDED.started_at, last_heartbeat = EXCLUDED.last_heartbeat,
                publish_rate = EXCLUDED.publish_rate, deliver_rate = EXCLUDED.deliver_rate
            """)
    }
}
