extension GMPMessage {
    /// REJECTED (`0x12`, broker → adapter): one published event is refused and not stored.
    /// `Sendable`: a value type.
    ///
    /// Frames: header (13 bytes: tag u64); reason; specific code; message; location.
    public struct Rejected: Hashable, Sendable {
        /// The tag of the published event.
        public var tag: UInt64
        /// The stable GMP category (a registry code such as `schema.violation`).
        public var reason: ReasonCode
        /// The deciding layer's own code (`json.duplicate-key`, `trust.revoked`, …), or empty.
        public var specificCode: String
        /// A human-readable explanation (UTF-8, at most 4096 bytes, may be empty); never event
        /// data.
        public var message: String
        /// Where in the event: a JSON Pointer into the event for schema and JSON errors, an
        /// attribute name for envelope errors, or empty (UTF-8, at most 1024 bytes).
        public var location: String

        /// Creates a REJECTED.
        public init(tag: UInt64, reason: ReasonCode, specificCode: String = "", message: String = "", location: String = "") {
            self.tag = tag
            self.reason = reason
            self.specificCode = specificCode
            self.message = message
            self.location = location
        }
    }
}
