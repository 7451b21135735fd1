/// A dead delivery with its event and attempt history.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct DeadLetter: Sendable, Hashable {
    /// The dead delivery (its `lastFailure` is the reason it died, `attempts` its history).
    public var delivery: DeliveryRecord
    /// The event that could not be delivered.
    public var event: StoredEvent

    /// Creates a dead letter (used by store implementations).
    public init(delivery: DeliveryRecord, event: StoredEvent) {
        self.delivery = delivery
        self.event = event
    }
}
