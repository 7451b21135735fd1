/// Relates the ROUTER's peers (routing ids) to their TCP connections, so that a disconnect the
/// socket monitor reports ends the sessions it carried. Not `Sendable`: owned by the loop thread.
///
/// libzmq's monitor names connections only by file descriptor (``ZeroMQ/MonitorEvent``:
/// `ACCEPTED fd`, `DISCONNECTED fd`), and a ROUTER names peers only by routing id; a received
/// frame carries both (`ZMQ_SRCFD`). The kernel reuses a descriptor as soon as it is closed, so a
/// descriptor alone is ambiguous. The tracker therefore counts, per descriptor, the connections
/// accepted on it (its *generation*) in the order the monitor reports them, and binds a routing
/// id to (descriptor, generation) when the loop first hears from it, **after** reading every
/// monitor event queued so far. That event stream already holds the `ACCEPTED` of the peer's own
/// connection (libzmq reports the accept before the handshake, before any message), so the bound
/// generation is the peer's own or, if its connection closed in between, a later one. Either way
/// a `DISCONNECTED` of the bound (descriptor, generation) only ever names a connection that is
/// gone: sessions are never ended while their connection lives; at worst a disconnect is missed
/// and the heartbeat ends the session (GMP section 7).
final class ConnectionTracker {
    struct Connection: Hashable {
        let descriptor: Int32
        let generation: UInt64
    }

    private var generations: [Int32: UInt64] = [:]
    private var connections: [[UInt8]: Connection] = [:]
    private var peers: [Connection: [[UInt8]]] = [:]

    /// The number of routing ids bound to a connection.
    var count: Int { connections.count }

    /// Whether `routingID` is bound to a connection already.
    func knows(_ routingID: [UInt8]) -> Bool { connections[routingID] != nil }

    /// The monitor reported a connection accepted on `descriptor`.
    func accepted(descriptor: Int32) {
        generations[descriptor, default: 0] += 1
    }

    /// Binds `routingID` to the newest connection on `descriptor`. Call only after every monitor
    /// event queued so far has been applied.
    func bind(_ routingID: [UInt8], descriptor: Int32) {
        guard connections[routingID] == nil else { return }
        let connection = Connection(descriptor: descriptor, generation: generations[descriptor, default: 0])
        connections[routingID] = connection
        peers[connection, default: []].append(routingID)
    }

    /// The monitor reported the newest connection on `descriptor` closed: forgets and returns the
    /// routing ids bound to it.
    func disconnected(descriptor: Int32) -> [[UInt8]] {
        let connection = Connection(descriptor: descriptor, generation: generations[descriptor, default: 0])
        guard let routingIDs = peers.removeValue(forKey: connection) else { return [] }
        for routingID in routingIDs { connections.removeValue(forKey: routingID) }
        return routingIDs
    }
}
