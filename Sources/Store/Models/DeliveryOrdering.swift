/// How ``EventStore/claim(subscription:consumer:limit:ordering:leaseDeadline:now:)`` orders
/// deliveries.
public enum DeliveryOrdering: String, Sendable, Hashable, CaseIterable {
    /// Acceptance order, with any number of deliveries in flight at once.
    case acceptance
    /// Acceptance order, and at most one delivery in flight or waiting per `partitionkey`:
    /// events of one partition are delivered strictly one after the other. Events without a
    /// partition key are not constrained.
    case partitionKey = "partition-key"
}
