extension GMPMessage {
    /// BYE (`0x04`, both directions): the sender ends the session in order. `Sendable`: a value
    /// type.
    ///
    /// Frames: header (5 bytes); reason code.
    public struct Bye: Hashable, Sendable {
        /// Why: `session.closed` normally, `session.shutting-down` from a stopping broker.
        public var reason: ReasonCode

        /// Creates a BYE.
        public init(reason: ReasonCode = .sessionClosed) {
            self.reason = reason
        }
    }
}
