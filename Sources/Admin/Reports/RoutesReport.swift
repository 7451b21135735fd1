/// `gerbang routes`: the routes in force in the broker.
///
/// `Sendable`: a value type.
public struct RoutesReport: Sendable, Hashable, Codable {
    /// One agency's publish permission.
    public struct Permission: Sendable, Hashable, Codable {
        /// The agency.
        public var agency: String
        /// The type globs it may publish.
        public var types: [String]

        /// Creates a permission.
        public init(agency: String, types: [String]) {
            self.agency = agency
            self.types = types
        }
    }

    /// One subscription.
    public struct Subscription: Sendable, Hashable, Codable {
        /// Its id.
        public var id: String
        /// `agency/adapter`.
        public var subscriber: String
        /// Its type globs.
        public var types: [String]
        /// Whether it has attribute filters.
        public var filtered: Bool
        /// `acceptance` or `partitionkey`.
        public var ordering: String
        /// Maximum attempts.
        public var maxAttempts: Int
        /// The lease (visibility timeout), seconds.
        public var leaseSeconds: Double

        /// Creates a subscription line.
        public init(id: String, subscriber: String, types: [String], filtered: Bool, ordering: String, maxAttempts: Int,
                    leaseSeconds: Double) {
            self.id = id
            self.subscriber = subscriber
            self.types = types
            self.filtered = filtered
            self.ordering = ordering
            self.maxAttempts = maxAttempts
            self.leaseSeconds = leaseSeconds
        }
    }

    /// The routes file.
    public var path: String
    /// Publish permissions.
    public var permissions: [Permission]
    /// Subscriptions.
    public var subscriptions: [Subscription]

    /// Creates a report.
    public init(path: String, permissions: [Permission], subscriptions: [Subscription]) {
        self.path = path
        self.permissions = permissions
        self.subscriptions = subscriptions
    }
}
