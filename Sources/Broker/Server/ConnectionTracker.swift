/// Relates the ROUTER's peers (routing ids) to their TCP connections, so that a disconnect the
/// socket monitor reports ends the sessions it carried, and remembers which open connections
/// carry no session (and since when), so that the loop can close those that never say HELLO.
/// Not `Sendable`: owned by the loop thread.
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
    /// Open connections that carry no session, and since when.
    private var idle: [Connection: ContinuousClock.Instant] = [:]
    /// The peer address each connection had when the monitor reported it (compared again
    /// before the connection is closed).
    private var peerAddresses: [Connection: PeerAddress] = [:]
    private var open: Set<Connection> = []

    /// The number of routing ids bound to a connection.
    var count: Int { connections.count }

    /// The number of connections accepted and not reported closed.
    var openCount: Int { open.count }

    /// Whether `routingID` is bound to a connection already.
    func knows(_ routingID: [UInt8]) -> Bool { connections[routingID] != nil }

    /// The monitor reported a connection accepted on `descriptor` at `now`, from `peer` (when
    /// known). It carries no session yet.
    func accepted(descriptor: Int32, peer: PeerAddress? = nil, at now: ContinuousClock.Instant = .now) {
        generations[descriptor, default: 0] += 1
        let connection = Connection(descriptor: descriptor, generation: generations[descriptor, default: 0])
        open.insert(connection)
        idle[connection] = now
        if let peer { peerAddresses[connection] = peer }
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
        open.remove(connection)
        idle.removeValue(forKey: connection)
        peerAddresses.removeValue(forKey: connection)
        guard let routingIDs = peers.removeValue(forKey: connection) else { return [] }
        for routingID in routingIDs { connections.removeValue(forKey: routingID) }
        return routingIDs
    }

    /// A session opened for `routingID`: its connection is no longer idle.
    func sessionOpened(_ routingID: [UInt8]) {
        guard let connection = connections[routingID] else { return }
        idle.removeValue(forKey: connection)
    }

    /// The session of `routingID` ended at `now`: its connection, if still open, is idle again
    /// (it may say HELLO again within the timeout, or be closed).
    func sessionEnded(_ routingID: [UInt8], at now: ContinuousClock.Instant) {
        guard let connection = connections[routingID], open.contains(connection), idle[connection] == nil else { return }
        idle[connection] = now
    }

    /// The open connections idle since before `deadline`, oldest first; each is returned once
    /// (it stops counting as idle; the monitor's `DISCONNECTED` then forgets it).
    func takeIdle(before deadline: ContinuousClock.Instant) -> [(connection: Connection, peer: PeerAddress?)] {
        let expired = idle.filter { $0.value < deadline }.sorted { $0.value < $1.value }.map(\.key)
        for connection in expired { idle.removeValue(forKey: connection) }
        return expired.map { ($0, peerAddresses[$0]) }
    }
}
