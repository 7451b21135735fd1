extension GMPMessage {
    /// PUBLISH (`0x10`, adapter → broker): one or more events. `Sendable`: a value type.
    ///
    /// Frames: header (5 bytes); then one pair per event: the tag (exactly 8 bytes, u64) and the
    /// event (the CloudEvents JSON bytes, unchanged). Each event is answered by exactly one
    /// ACCEPTED or REJECTED carrying its tag.
    public struct Publish: Hashable, Sendable {
        /// The events, at least one.
        public var events: [Event]

        /// Creates a PUBLISH.
        public init(events: [Event]) {
            self.events = events
        }

        /// One event of a PUBLISH with the tag its answer will carry. `Sendable`: a value type.
        public struct Event: Hashable, Sendable {
            /// Chosen by the adapter; echoed in the ACCEPTED or REJECTED for this event.
            public var tag: UInt64
            /// The signed CloudEvents JSON envelope, byte for byte.
            public var event: [UInt8]

            /// Creates one tagged event.
            public init(tag: UInt64, event: [UInt8]) {
                self.tag = tag
                self.event = event
            }
        }
    }
}
