/// One claim of a delivery as the audit trail shows it: which consumer (and node) held it, for
/// which attempt, and from when to when (``DeliveryLeaseTimeline``).
///
/// `Sendable`: a value type.
public struct DeliveryLease: Sendable, Hashable {
    /// The delivery id.
    public var delivery: Int64
    /// The attempt the claim started.
    public var attempt: Int64
    /// The consumer that claimed it (`<node>/<incarnation>/<agency>/<adapter>/<session>`).
    public var consumer: String
    /// The node: the consumer id's first component.
    public var node: String
    /// When the claim's record says the claim had committed, milliseconds since the epoch.
    public var startMilliseconds: Int64
    /// The lease deadline the claim was given, milliseconds since the epoch.
    public var deadlineMilliseconds: Int64
    /// When the lease ended at the latest as far as the trail can tell: the time of the outcome
    /// applied to this attempt, else the earlier of the deadline and the consumer's release.
    public var endMilliseconds: Int64
    /// How it ended: `acknowledged`, `retry`, `dead-lettered`, `released`, or `deadline`
    /// (expired, or still in flight).
    public var ending: String

    /// Whether the two leases held the delivery at the same time (half-open intervals: one that
    /// ends when the other starts does not overlap it).
    public func overlaps(_ other: DeliveryLease) -> Bool {
        startMilliseconds < other.endMilliseconds && other.startMilliseconds < endMilliseconds
    }
}
