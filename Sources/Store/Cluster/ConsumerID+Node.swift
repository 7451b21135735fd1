extension ConsumerID {
    /// The consumer id of one session at a cluster node: `<node>/<incarnation>/<name>`.
    ///
    /// Every node prefixes its consumers with its own id and the incarnation of its run, so that
    /// `releaseDeliveries(of:)` at one node never touches another node's leases, nor a lease
    /// its own previous run left in flight (that one expires at its deadline).
    public init(node: NodeID, incarnation: String, name: String) {
        self.init(rawValue: "\(node.rawValue)/\(incarnation)/\(name)")
    }

    /// The node named by the first component of the id, or nil when it has none (a consumer id
    /// written before nodes had ids, or by a test).
    public var node: NodeID? {
        guard let slash = rawValue.firstIndex(of: "/") else { return nil }
        return NodeID(rawValue: String(rawValue[..<slash]))
    }
}
