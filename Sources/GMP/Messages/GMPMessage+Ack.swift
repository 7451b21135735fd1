extension GMPMessage {
    /// ACK (`0x21`, adapter → broker): a delivery is processed. `Sendable`: a value type.
    ///
    /// Frames: header (13 bytes: delivery id u64).
    public struct Ack: Hashable, Sendable {
        /// The delivery acknowledged.
        public var deliveryID: UInt64

        /// Creates an ACK.
        public init(deliveryID: UInt64) {
            self.deliveryID = deliveryID
        }
    }
}
