extension GMPMessage {
    /// HELLO (`0x01`, adapter → broker): opens a session. `Sendable`: a value type.
    ///
    /// Frames: header (5 bytes); agency; adapter name; adapter version; then zero or more
    /// subscription names.
    public struct Hello: Hashable, Sendable {
        /// The agency the adapter speaks for (an identifier); must equal the agency that its
        /// CURVE key authenticates, or the broker answers ERROR `auth.agency-mismatch`.
        public var agency: String
        /// The adapter's name within its agency (an identifier), as used in `Config/routes.yaml`.
        public var adapterName: String
        /// The adapter's version (a label, e.g. `1.4.2`).
        public var adapterVersion: String
        /// The subscriptions this session wants (identifiers). Empty means every subscription
        /// that the routes give this adapter.
        public var subscriptions: [String]

        /// Creates a HELLO.
        public init(agency: String, adapterName: String, adapterVersion: String, subscriptions: [String] = []) {
            self.agency = agency
            self.adapterName = adapterName
            self.adapterVersion = adapterVersion
            self.subscriptions = subscriptions
        }
    }
}
