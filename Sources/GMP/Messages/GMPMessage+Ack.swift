extension GMPMessage {
    /// ACK (`0x21`, adapter → broker): one or more deliveries are processed. `Sendable`: a value
    /// type.
    ///
    /// Frames: header (13 bytes: the first delivery id, u64), then optionally frame 1 with the
    /// further delivery ids (8 bytes each, u64 big-endian, at least one). One ACK for many
    /// deliveries saves a message per delivery on both sides (`docs/protocol.md` 3.11).
    public struct Ack: Hashable, Sendable {
        /// The deliveries acknowledged, in the order sent; never empty.
        public private(set) var deliveryIDs: [UInt64]

        /// The first delivery acknowledged (the one in the header).
        public var deliveryID: UInt64 { deliveryIDs[0] }

        /// An ACK of one delivery.
        public init(deliveryID: UInt64) {
            deliveryIDs = [deliveryID]
        }

        /// An ACK of several deliveries; nil when `deliveryIDs` is empty. The sender keeps frame 1
        /// within the broker's `max_frame_bytes` (8 bytes per id after the first).
        public init?(deliveryIDs: [UInt64]) {
            guard !deliveryIDs.isEmpty else { return nil }
            self.deliveryIDs = deliveryIDs
        }

        /// The most delivery ids one ACK can carry to a peer whose `max_frame_bytes` is
        /// `frameBytes`: the header's id and 8 bytes per further id in frame 1.
        public static func maxDeliveryIDs(frameBytes: Int) -> Int {
            1 + max(0, frameBytes) / 8
        }

        /// An ACK of `first` (the header's id) and then `more` (frame 1), as decoded.
        init(first: UInt64, more: [UInt64]) {
            deliveryIDs = [first] + more
        }
    }
}
