extension GMPMessage {
    /// ACCEPTED (`0x11`, broker → adapter): one published event is durably stored. `Sendable`:
    /// a value type.
    ///
    /// Frames: header (22 bytes: tag u64, sequence u64, flags u8). Flag bit 0 is the duplicate
    /// flag; the other bits are zero.
    public struct Accepted: Hashable, Sendable {
        /// The tag of the published event.
        public var tag: UInt64
        /// The broker's sequence number of the stored event (for a duplicate: of the original).
        public var sequence: UInt64
        /// The event's (`source`, `id`) was already accepted; it was not stored again.
        public var duplicate: Bool

        /// Creates an ACCEPTED.
        public init(tag: UInt64, sequence: UInt64, duplicate: Bool = false) {
            self.tag = tag
            self.sequence = sequence
            self.duplicate = duplicate
        }
    }
}
