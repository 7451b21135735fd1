/// One dead letter (`gerbang dlq list|show`).
///
/// `Sendable`: a value type.
public struct DeadLetterReport: Sendable, Hashable, Codable {
    /// The dead delivery and its attempts.
    public var delivery: DeliveryReport
    /// Its event's attributes.
    public var event: EventSummary

    /// Creates a report.
    public init(delivery: DeliveryReport, event: EventSummary) {
        self.delivery = delivery
        self.event = event
    }
}
