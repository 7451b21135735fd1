/// What became of one delivery, as ``Adapter/handle(_:context:)`` reports it; the runner answers
/// the broker accordingly. `Sendable` value.
public enum DeliveryOutcome: Sendable, Hashable {
    /// Processed (ACK).
    case ack
    /// Try again later (NACK retry): after `delay`, or the route's backoff when `nil`.
    case retry(after: Duration?, reason: String, message: String)
    /// Never processable (NACK permanent): to the dead letters.
    case reject(reason: String, message: String)

    /// Try again with the route's backoff.
    public static func retry(reason: String, message: String = "") -> DeliveryOutcome {
        .retry(after: nil, reason: reason, message: message)
    }
}
