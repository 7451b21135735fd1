import Store

/// What the broker needs to know from the routes: who may publish which types, and which
/// subscriptions receive an event. `Sendable`: immutable values.
///
/// Provisional: the `Routing` module (Config/routes.yaml, attribute filters, reload on SIGHUP)
/// replaces ``ProvisionalRoutesFile`` as the source of these values; the broker only uses this
/// type.
public struct BrokerRoutes: Sendable {
    /// One publish permission: `agency` may publish types matching `typeGlob`.
    public struct Permission: Sendable, Hashable {
        /// The agency id.
        public var agency: String
        /// A glob on `type` (`*` matches any run of characters).
        public var typeGlob: String

        /// Creates a permission.
        public init(agency: String, typeGlob: String) {
            self.agency = agency
            self.typeGlob = typeGlob
        }
    }

    /// One subscription: the adapter (`agency`, `adapter`) receives events whose type matches
    /// one of `typeGlobs`.
    public struct Subscription: Sendable, Hashable {
        /// The subscription's name (an identifier; the store's subscription id).
        public var name: String
        /// The receiving agency.
        public var agency: String
        /// The receiving adapter's name within its agency.
        public var adapter: String
        /// Globs on `type`.
        public var typeGlobs: [String]
        /// Delivery order.
        public var ordering: DeliveryOrdering
        /// Retries and dead letters.
        public var retry: RetryBackoff

        /// Creates a subscription.
        public init(name: String, agency: String, adapter: String, typeGlobs: [String],
                    ordering: DeliveryOrdering = .acceptance, retry: RetryBackoff = RetryBackoff()) {
            self.name = name
            self.agency = agency
            self.adapter = adapter
            self.typeGlobs = typeGlobs
            self.ordering = ordering
            self.retry = retry
        }
    }

    /// The publish permissions.
    public let permissions: [Permission]
    /// The subscriptions, by name.
    public let subscriptions: [String: Subscription]

    /// Creates routes.
    public init(permissions: [Permission], subscriptions: [Subscription]) {
        self.permissions = permissions
        self.subscriptions = Dictionary(subscriptions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether `agency` may publish events of `type`.
    public func mayPublish(agency: String, type: String) -> Bool {
        permissions.contains { $0.agency == agency && Self.glob($0.typeGlob, matches: type) }
    }

    /// The subscriptions that receive an event of `type`, sorted by name.
    public func subscriptions(matching type: String) -> [Subscription] {
        subscriptions.values.filter { subscription in
            subscription.typeGlobs.contains { Self.glob($0, matches: type) }
        }.sorted { $0.name < $1.name }
    }

    /// The subscriptions the routes give to one adapter, sorted by name.
    public func subscriptions(agency: String, adapter: String) -> [Subscription] {
        subscriptions.values.filter { $0.agency == agency && $0.adapter == adapter }.sorted { $0.name < $1.name }
    }

    /// Glob match where `*` stands for any run of characters (including dots).
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }
}
