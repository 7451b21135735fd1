extension GMPMessage {
    /// NACK (`0x22`, adapter → broker): a delivery could not be processed. `Sendable`: a value
    /// type.
    ///
    /// Frames: header (18 bytes: delivery id u64, disposition u8, delay u32); reason; message.
    public struct Nack: Hashable, Sendable {
        /// The delivery refused.
        public var deliveryID: UInt64
        /// Retry later, or never.
        public var disposition: Disposition
        /// The adapter's own reason code (an identifier, e.g. `bank.account-invalid`).
        public var reason: String
        /// A human-readable explanation (UTF-8, at most 4096 bytes, may be empty).
        public var message: String

        /// Creates a NACK.
        public init(deliveryID: UInt64, disposition: Disposition, reason: String, message: String = "") {
            self.deliveryID = deliveryID
            self.disposition = disposition
            self.reason = reason
            self.message = message
        }

        /// What the broker should do with a refused delivery. `Sendable`: a plain enum.
        public enum Disposition: Hashable, Sendable, CustomStringConvertible {
            /// Disposition byte 1: try again. `delayMilliseconds` 0 lets the route's backoff
            /// decide; otherwise the broker waits at least this long (capped by the route).
            case retry(delayMilliseconds: UInt32)
            /// Disposition byte 2: never retry; the event goes to the dead letters. The delay
            /// field is 0.
            case permanent

            /// `retry(after: N ms)` or `permanent`.
            public var description: String {
                switch self {
                case .retry(let delay): "retry(after: \(delay) ms)"
                case .permanent: "permanent"
                }
            }
        }
    }
}
