/// Where a delivery is in its life (see the state machine on ``EventStore``).
///
/// The raw values are stable: they are stored and shown by tools.
public enum DeliveryState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waiting to be claimed by a consumer.
    case ready
    /// Claimed by a consumer, under a lease until its deadline.
    case inFlight = "inflight"
    /// Failed with a retryable error; becomes `ready` at its retry time.
    case waiting
    /// Failed permanently or too often; kept until replayed or purged.
    case dead
    /// Acknowledged by a consumer (final).
    case acknowledged = "acked"

    /// Whether no further transition happens without an operator (acknowledged or dead).
    public var isFinal: Bool { self == .acknowledged || self == .dead }
}
