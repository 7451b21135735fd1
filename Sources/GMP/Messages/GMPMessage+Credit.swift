extension GMPMessage {
    /// CREDIT (`0x23`, adapter → broker): the number of unacknowledged deliveries the session
    /// can hold at once, across its subscriptions. `Sendable`: a value type.
    ///
    /// Frames: header (9 bytes: credit u32). The value is absolute, not an increment: the broker
    /// delivers while the session's in-flight count is below it. 0 pauses deliveries; a session
    /// starts with credit 0.
    public struct Credit: Hashable, Sendable {
        /// The new credit.
        public var credit: UInt32

        /// Creates a CREDIT.
        public init(credit: UInt32) {
            self.credit = credit
        }
    }
}
