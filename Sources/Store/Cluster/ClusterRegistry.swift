import Foundation

/// The store's registry of the `gerbangd` nodes that share it (`docs/deployment.md`): each node
/// registers when it starts, writes a heartbeat every few seconds, and leaves when it stops
/// cleanly; `gerbang status` lists the nodes with the age of their last heartbeat.
///
/// The SQLite store holds one node (its file is opened by one broker); the PostgreSQL store
/// holds every node on the database. Heartbeats are plain rows: a node that dies stays listed,
/// stale, until it starts again under the same id or an operator removes it.
///
/// A conforming type is `Sendable`: the broker calls it from its heartbeat task and from the
/// admin endpoint at once.
public protocol ClusterRegistry: Sendable {
    /// Writes `node` (inserting it, or replacing the row of a previous run with the same id).
    func register(_ node: ClusterNode) async throws(StoreError)

    /// Updates the node's heartbeat time, lease count and rates (and its endpoints and
    /// incarnation, re-creating the row if an operator removed it).
    func heartbeat(_ node: ClusterNode) async throws(StoreError)

    /// Removes the node with this id and incarnation (a clean stop); a row written meanwhile by a
    /// newer run of the same id is kept.
    func deregister(_ id: NodeID, incarnation: String) async throws(StoreError)

    /// Every registered node, ordered by id.
    func nodes() async throws(StoreError) -> [ClusterNode]
}
