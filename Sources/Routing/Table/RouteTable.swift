/// The routes in force: who may publish which types, and which subscriptions receive an event.
///
/// Built by parsing `Config/routes.yaml` (``init(yaml:file:options:)``, ``RouteTableLoader``) or
/// from values. Lookups by type are memoised (up to ``RoutesOptions/typeCacheCapacity`` types),
/// so the per-event cost is a dictionary lookup plus the attribute filters of the matching
/// subscriptions.
///
/// `Sendable`: immutable; the memo is a lock-protected cache that never changes an answer.
public struct RouteTable: Sendable {
    /// The publish permissions, sorted by agency.
    public let permissions: [PublishPermission]
    /// The subscriptions, sorted by id (ids are unique).
    public let subscriptions: [Subscription]
    /// The subscriptions by id.
    private let subscriptionsByID: [String: Int]
    private let cache: TypeRouteCache

    /// Routes from values. Permissions of the same agency are merged; of two subscriptions
    /// with the same id the first is kept (the parser refuses duplicates before this point).
    public init(
        permissions: [PublishPermission], subscriptions: [Subscription],
        typeCacheCapacity: Int = RoutesOptions.defaultTypeCacheCapacity
    ) {
        var merged: [String: [TypeGlob]] = [:]
        for permission in permissions { merged[permission.agency, default: []] += permission.types }
        self.permissions = merged.map { PublishPermission(agency: $0.key, types: $0.value) }.sorted { $0.agency < $1.agency }
        var unique: [Subscription] = []
        var seen: Set<String> = []
        for subscription in subscriptions where seen.insert(subscription.id).inserted { unique.append(subscription) }
        self.subscriptions = unique.sorted { $0.id < $1.id }
        self.subscriptionsByID = Dictionary(uniqueKeysWithValues: self.subscriptions.enumerated().map { ($1.id, $0) })
        self.cache = TypeRouteCache(capacity: typeCacheCapacity)
    }

    /// Whether `agency` may publish events of `type`.
    public func mayPublish(agency: String, type: String) -> Bool {
        routes(for: type).publishers.contains(agency)
    }

    /// The subscriptions that receive `event` (type glob and attribute filter), in id order.
    public func subscriptions(matching event: EventAttributes) -> [Subscription] {
        routes(for: event.type).subscriptionIndexes.compactMap { index in
            subscriptions[index].filter.accepts(event) ? subscriptions[index] : nil
        }
    }

    /// The subscriptions whose type globs match `type`, before any attribute filter, in id order.
    public func subscriptions(coveringType type: String) -> [Subscription] {
        routes(for: type).subscriptionIndexes.map { subscriptions[$0] }
    }

    /// The subscriptions the routes give to one adapter (`agency` and adapter name), in id order.
    public func subscriptions(agency: String, adapter: String) -> [Subscription] {
        subscriptions.filter { $0.agency == agency && $0.adapter == adapter }
    }

    /// The subscription with `id`, or nil.
    public func subscription(id: String) -> Subscription? {
        subscriptionsByID[id].map { subscriptions[$0] }
    }

    /// The agencies that may publish `type`, sorted.
    public func publishers(of type: String) -> [String] { routes(for: type).publishers.sorted() }

    /// How many types the memo holds (for metrics and tests).
    public var cachedTypeCount: Int { cache.count }

    private func routes(for type: String) -> TypeRouteCache.Entry {
        cache.entry(for: type) {
            TypeRouteCache.Entry(
                publishers: Set(permissions.filter { $0.covers(type: type) }.map(\.agency)),
                subscriptionIndexes: subscriptions.indices.filter { subscriptions[$0].covers(type: type) }
            )
        }
    }
}

extension RouteTable: Equatable {
    /// Two tables are equal when their permissions and subscriptions are (the memo is ignored).
    public static func == (lhs: RouteTable, rhs: RouteTable) -> Bool {
        lhs.permissions == rhs.permissions && lhs.subscriptions == rhs.subscriptions
    }
}
