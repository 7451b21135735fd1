extension GMPMessage {
    /// ERROR (`0x05`, both directions): a session-level error. The receiver considers the
    /// session ended. `Sendable`: a value type.
    ///
    /// Frames: header (5 bytes); reason code; detail. This layout is frozen across all protocol
    /// versions, so that a peer of any version can read why it was refused.
    public struct SessionError: Hashable, Sendable {
        /// What went wrong (a registry code).
        public var reason: ReasonCode
        /// A human-readable explanation (UTF-8, at most 4096 bytes, may be empty).
        public var detail: String

        /// Creates an ERROR.
        public init(reason: ReasonCode, detail: String = "") {
            self.reason = reason
            self.detail = detail
        }

        /// The ERROR that answers a message which failed to decode.
        public init(_ error: GMPProtocolError) {
            self.init(reason: error.reason, detail: GMPText.truncated(error.description, toBytes: GMPProtocol.maxMessageBytes))
        }
    }
}
