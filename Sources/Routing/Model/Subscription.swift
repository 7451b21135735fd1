/// One subscription: the events one adapter receives, and how they are retried.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct Subscription: Sendable, Hashable, Identifiable {
    /// How the broker orders a subscription's deliveries.
    public enum Ordering: String, Sendable, Hashable, CaseIterable {
        /// Acceptance order; many deliveries may be in flight at once (`order-by: none`, the default).
        case none
        /// Acceptance order per `partitionkey`, at most one delivery in flight per key
        /// (`order-by: partitionkey`); events without a key are not constrained.
        case partitionKey = "partitionkey"
    }

    /// The subscription's stable id: a GMP `identifier` (`[a-z0-9][a-z0-9._-]*`, at most 64
    /// bytes), unique in the routes file, e.g. `kemensos.bansos`. It is the name adapters use in
    /// HELLO and receive in DELIVER, and the key of the subscription's delivery state in the store,
    /// so renaming it starts a new, empty queue.
    public var id: String
    /// The receiving agency, e.g. `kemensos`.
    public var agency: String
    /// The receiving adapter's name within its agency, e.g. `bansos` (a GMP `identifier`).
    public var adapter: String
    /// The types it receives; an event is routed here when any glob matches its type and
    /// ``filter`` accepts it.
    public var types: [TypeGlob]
    /// Further conditions on the event's attributes.
    public var filter: AttributeFilter
    /// Retries, backoff, lease and dead letters.
    public var retry: RetryPolicy
    /// Delivery order.
    public var ordering: Ordering

    /// Creates a subscription.
    public init(
        id: String, agency: String, adapter: String, types: [TypeGlob],
        filter: AttributeFilter = AttributeFilter(), retry: RetryPolicy = RetryPolicy(), ordering: Ordering = .none
    ) {
        self.id = id
        self.agency = agency
        self.adapter = adapter
        self.types = types
        self.filter = filter
        self.retry = retry
        self.ordering = ordering
    }

    /// Whether any of the subscription's globs matches `type` (the filter is not looked at).
    public func covers(type: String) -> Bool { types.contains { $0.matches(type) } }

    /// Whether `event` is routed to this subscription: its type matches and the filter accepts it.
    public func receives(_ event: EventAttributes) -> Bool { covers(type: event.type) && filter.accepts(event) }
}
