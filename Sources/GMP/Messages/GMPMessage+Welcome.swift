extension GMPMessage {
    /// WELCOME (`0x02`, broker → adapter): the session is open. `Sendable`: a value type.
    ///
    /// Frames: header (36 bytes: session id u64, heartbeat interval u32, heartbeat liveness u8,
    /// max frame bytes u32, max event bytes u32, max events per PUBLISH u16, max credit u32,
    /// lease u32); broker id; then zero or more granted subscription names.
    public struct Welcome: Hashable, Sendable {
        /// The broker's identifier of this session (for logs and the admin tools).
        public var sessionID: UInt64
        /// How often each side sends HEARTBEAT when it has sent nothing else, in milliseconds
        /// (at least 1).
        public var heartbeatIntervalMilliseconds: UInt32
        /// How many intervals may pass without any message before a peer is considered gone
        /// (at least 1).
        public var heartbeatLiveness: UInt8
        /// The largest frame the broker accepts (at least 1).
        public var maxFrameBytes: UInt32
        /// The largest event the broker accepts (at least 1); larger events are REJECTED
        /// `event.too-large`.
        public var maxEventBytes: UInt32
        /// The most events one PUBLISH may carry (at least 1).
        public var maxEventsPerPublish: UInt16
        /// The largest credit the broker honours (at least 1); a larger CREDIT is clamped.
        public var maxCredit: UInt32
        /// How long a delivery stays leased to this session without ACK or NACK before it is
        /// redelivered, in milliseconds (at least 1).
        public var leaseMilliseconds: UInt32
        /// The broker's name and version (a label, e.g. `gerbangd/0.1.0`).
        public var brokerID: String
        /// The subscriptions granted to this session (identifiers).
        public var subscriptions: [String]

        /// Creates a WELCOME.
        public init(
            sessionID: UInt64,
            heartbeatIntervalMilliseconds: UInt32,
            heartbeatLiveness: UInt8,
            maxFrameBytes: UInt32,
            maxEventBytes: UInt32,
            maxEventsPerPublish: UInt16,
            maxCredit: UInt32,
            leaseMilliseconds: UInt32,
            brokerID: String,
            subscriptions: [String]
        ) {
            self.sessionID = sessionID
            self.heartbeatIntervalMilliseconds = heartbeatIntervalMilliseconds
            self.heartbeatLiveness = heartbeatLiveness
            self.maxFrameBytes = maxFrameBytes
            self.maxEventBytes = maxEventBytes
            self.maxEventsPerPublish = maxEventsPerPublish
            self.maxCredit = maxCredit
            self.leaseMilliseconds = leaseMilliseconds
            self.brokerID = brokerID
            self.subscriptions = subscriptions
        }
    }
}
