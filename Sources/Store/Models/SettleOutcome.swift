/// The result of acknowledging, retrying or dead-lettering a delivery.
///
/// A late answer (the lease already expired and the delivery is `ready` or `waiting` again) is
/// still applied: the consumer did process or reject the event. An answer for a delivery that
/// another consumer holds now is not applied.
public enum SettleOutcome: Sendable, Hashable {
    /// The transition was applied and committed (fsynced or not: see ``EventStore``).
    case applied
    /// No delivery has this id (never existed, or purged).
    case unknownDelivery
    /// The delivery is in flight for another consumer; nothing changed.
    case heldByAnotherConsumer
    /// The delivery is already acknowledged or dead; nothing changed.
    case alreadyFinal(DeliveryState)
}
