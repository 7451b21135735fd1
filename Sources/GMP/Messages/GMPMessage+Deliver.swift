extension GMPMessage {
    /// DELIVER (`0x20`, broker → adapter): one event of a subscription. `Sendable`: a value type.
    ///
    /// Frames: header (29 bytes: delivery id u64, sequence u64, attempt u32, lease u32);
    /// subscription; event.
    public struct Deliver: Hashable, Sendable {
        /// Identifies this delivery in ACK and NACK; the same across redeliveries of the event
        /// to the same subscription.
        public var deliveryID: UInt64
        /// The broker's sequence number of the event (as in its ACCEPTED).
        public var sequence: UInt64
        /// 1 for the first attempt, more for redeliveries.
        public var attempt: UInt32
        /// How long the adapter has to ACK or NACK before the event is redelivered, in
        /// milliseconds (at least 1).
        public var leaseMilliseconds: UInt32
        /// The subscription (an identifier) this delivery belongs to.
        public var subscription: String
        /// The event, byte for byte as it was published.
        public var event: [UInt8]

        /// Creates a DELIVER.
        public init(deliveryID: UInt64, sequence: UInt64, attempt: UInt32, leaseMilliseconds: UInt32, subscription: String, event: [UInt8]) {
            self.deliveryID = deliveryID
            self.sequence = sequence
            self.attempt = attempt
            self.leaseMilliseconds = leaseMilliseconds
            self.subscription = subscription
            self.event = event
        }
    }
}
