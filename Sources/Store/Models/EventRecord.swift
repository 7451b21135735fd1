/// An event with the history of all its deliveries (`gerbang event show`).
///
/// `Sendable`: a value type of `Sendable` fields.
public struct EventRecord: Sendable, Hashable {
    /// The event.
    public var event: StoredEvent
    /// Its deliveries, one per subscription, by subscription name.
    public var deliveries: [DeliveryRecord]

    /// Creates an event record (used by store implementations).
    public init(event: StoredEvent, deliveries: [DeliveryRecord]) {
        self.event = event
        self.deliveries = deliveries
    }
}
