import Envelope
import GMP

/// One event the broker delivered to this adapter, to be answered with ``ack()``,
/// ``retry(after:reason:message:)`` or ``reject(reason:message:)`` before its ``lease`` runs out
/// (otherwise it is delivered again). `Sendable`: values plus the client's `Sendable` mailbox.
///
/// Delivery is at least once: the same event can arrive again (``attempt`` > 1, or after a
/// reconnect), so handlers must be idempotent or de-duplicate by (`event.source`, `event.id`).
public struct Delivery: Sendable {
    /// Names this delivery in ACK/NACK; the same for every attempt of the event to its subscription.
    public let id: UInt64
    /// The broker's sequence number of the event.
    public let sequence: UInt64
    /// 1 for the first delivery, more for redeliveries.
    public let attempt: UInt32
    /// How long the adapter has to answer, from ``receivedAt``.
    public let lease: Duration
    /// When the client received it.
    public let receivedAt: ContinuousClock.Instant
    /// The subscription it belongs to.
    public let subscription: String
    /// The event, parsed (its bytes are exactly the published ones: ``eventBytes``).
    public let event: CloudEvent
    /// The event's bytes as published and signed.
    public let eventBytes: [UInt8]
    private let mailbox: ClientMailbox

    init(_ deliver: GMPMessage.Deliver, event: CloudEvent, receivedAt: ContinuousClock.Instant, mailbox: ClientMailbox) {
        id = deliver.deliveryID
        sequence = deliver.sequence
        attempt = deliver.attempt
        lease = .milliseconds(Int64(deliver.leaseMilliseconds))
        self.receivedAt = receivedAt
        subscription = deliver.subscription
        self.event = event
        eventBytes = deliver.event
        self.mailbox = mailbox
    }

    /// The event's type (`population.death.registered`, …).
    public var type: String { event.type }

    /// The event's `data` decoded as a catalogue model.
    public func decode<Data: CanonicalEventData>(_ type: Data.Type = Data.self) throws(GerbangClientError) -> Data {
        try Data(event: event)
    }

    /// Processed: the broker will not deliver this event to this subscription again.
    public func ack() async throws(GerbangClientError) {
        try send(.ack(.init(deliveryID: id)))
    }

    /// Not processed now: deliver again later, after `delay` (capped by the route's maximum
    /// backoff) or, with `nil`, after the route's backoff. After the route's maximum attempts the
    /// event goes to the dead letters with this reason.
    ///
    /// - Parameters:
    ///   - reason: the adapter's own reason code, an identifier such as `bank.unavailable`.
    ///   - message: an explanation for operators (no personal data), at most 4,096 bytes.
    public func retry(after delay: Duration? = nil, reason: String, message: String = "") async throws(GerbangClientError) {
        let milliseconds = delay.map { duration -> UInt32 in
            let (seconds, attoseconds) = duration.components
            let total = max(0, seconds) * 1_000 + max(0, attoseconds) / 1_000_000_000_000_000
            return UInt32(clamping: total)
        } ?? 0
        try send(.nack(.init(deliveryID: id, disposition: .retry(delayMilliseconds: milliseconds), reason: reason, message: message)))
    }

    /// Never processable: the event goes to the dead letters at once with this reason.
    ///
    /// - Parameters:
    ///   - reason: the adapter's own reason code, an identifier such as `bank.account-invalid`.
    ///   - message: an explanation for operators (no personal data), at most 4,096 bytes.
    public func reject(reason: String, message: String = "") async throws(GerbangClientError) {
        try send(.nack(.init(deliveryID: id, disposition: .permanent, reason: reason, message: message)))
    }

    private func send(_ answer: GMPMessage) throws(GerbangClientError) {
        do {
            _ = try answer.encode()
        } catch {
            throw GerbangClientError(.invalidArgument, "\(answer): \(error.description)")
        }
        guard mailbox.post(.answer(answer)) else {
            throw GerbangClientError(.closed, "the client is closed; the broker delivers the event again")
        }
    }
}
