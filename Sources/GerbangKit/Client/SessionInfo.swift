import GMP

/// What the broker granted a session (from its WELCOME). `Sendable`: a value type.
public struct SessionInfo: Sendable, Hashable {
    /// The broker's id of the session (in its logs and admin tools).
    public let sessionID: UInt64
    /// The broker's name and version, e.g. `gerbangd/0.1.0`.
    public let brokerID: String
    /// The subscriptions granted.
    public let subscriptions: [String]
    /// The heartbeat interval both sides keep.
    public let heartbeatInterval: Duration
    /// Intervals without traffic before a peer is gone.
    public let heartbeatLiveness: Int
    /// The largest frame the broker accepts, in bytes (bounds, e.g., the delivery ids of one ACK).
    public let maxFrameBytes: Int
    /// The largest event the broker accepts, in bytes.
    public let maxEventBytes: Int
    /// The most events in one PUBLISH.
    public let maxEventsPerPublish: Int
    /// The largest credit the broker honours.
    public let maxCredit: UInt32
    /// How long a delivery stays with the session without ACK or NACK.
    public let lease: Duration

    init(_ welcome: GMPMessage.Welcome) {
        sessionID = welcome.sessionID
        brokerID = welcome.brokerID
        subscriptions = welcome.subscriptions
        heartbeatInterval = .milliseconds(Int64(welcome.heartbeatIntervalMilliseconds))
        heartbeatLiveness = Int(welcome.heartbeatLiveness)
        maxFrameBytes = Int(welcome.maxFrameBytes)
        maxEventBytes = Int(welcome.maxEventBytes)
        maxEventsPerPublish = Int(welcome.maxEventsPerPublish)
        maxCredit = welcome.maxCredit
        lease = .milliseconds(Int64(welcome.leaseMilliseconds))
    }
}
