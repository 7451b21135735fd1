import Foundation

extension AuditEntry {
    /// Milliseconds since the epoch of `date` (rounded down, as the store does).
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded(.down))
    }

    /// An accepted event: fields `sequence`, `source`, `id`, `type`, `event-sha256` (the SHA-256
    /// of the exact bytes as published, with the agency's `gerbangjws` signature inside).
    ///
    /// The bytes themselves are stored once, by sequence number: in the store's `event` row while
    /// the event is kept, then in `audit_event_body` (copied when the event is pruned), and in
    /// every archive as an `event` line. The chain covers them through the digest, so changing
    /// them is found like changing the record (`audit.event-body-mismatch`), and the broker's
    /// writer does not copy and hash every body a second time (`docs/audit.md`, "Event bodies").
    public static func eventAccepted(sequence: Int64, source: String, id: String, type: String,
                                     body: [UInt8], acceptedAt: Date) -> AuditEntry {
        AuditEntry(kind: .eventAccepted, timeMilliseconds: milliseconds(acceptedAt), fields: [
            AuditField("sequence", sequence), AuditField("source", source), AuditField("id", id),
            AuditField("type", type), AuditField(eventDigestField, bytes: eventDigest(body)),
        ])
    }

    /// The field of an accepted event's record that holds the SHA-256 of its bytes.
    public static let eventDigestField = "event-sha256"

    /// The field of an accepted event's record written before event bodies were stored apart:
    /// the event's bytes themselves (still verified).
    public static let legacyEventField = "event"

    /// SHA-256 of an event's bytes, as its accepted record carries it.
    public static func eventDigest(_ body: [UInt8]) -> [UInt8] {
        AuditChain.sha256(body)
    }

    /// A rejected event: fields `agency` (the authenticated sender), `event-id` (empty when the
    /// event could not be parsed), `reason` (GMP reason code), `code` (the deciding layer's code).
    /// Never the payload.
    public static func eventRejected(agency: String, eventID: String?, reason: String, code: String,
                                     at time: Date) -> AuditEntry {
        AuditEntry(kind: .eventRejected, timeMilliseconds: milliseconds(time), fields: [
            AuditField("agency", agency), AuditField("event-id", eventID ?? ""),
            AuditField("reason", reason), AuditField("code", code),
        ])
    }

    /// One settled delivery of a ``deliveryOutcomes(consumer:outcome:reason:deliveries:at:)`` record.
    public struct SettledDelivery: Sendable, Hashable {
        /// The subscription.
        public var subscription: String
        /// The event's sequence number.
        public var sequence: Int64
        /// The delivery id.
        public var delivery: Int64
        /// The attempt that was answered.
        public var attempt: Int64

        /// Creates one.
        public init(subscription: String, sequence: Int64, delivery: Int64, attempt: Int64) {
            self.subscription = subscription
            self.sequence = sequence
            self.delivery = delivery
            self.attempt = attempt
        }
    }

    /// Delivery outcomes settled together (one consumer's ACKs read at once, or one NACK): fields
    /// `consumer`, `outcome` (`acknowledged`, `retry`, `dead-lettered`), `reason` (empty when
    /// acknowledged), then per delivery, in order, `subscription`, `sequence`, `delivery`, `attempt`.
    public static func deliveryOutcomes(consumer: String, outcome: String, reason: String,
                                        deliveries: [SettledDelivery], at time: Date) -> AuditEntry {
        var fields = [AuditField("consumer", consumer), AuditField("outcome", outcome), AuditField("reason", reason)]
        fields.reserveCapacity(3 + 4 * deliveries.count)
        for settled in deliveries {
            fields.append(AuditField("subscription", settled.subscription))
            fields.append(AuditField("sequence", settled.sequence))
            fields.append(AuditField("delivery", settled.delivery))
            fields.append(AuditField("attempt", settled.attempt))
        }
        return AuditEntry(kind: .deliveryOutcome, timeMilliseconds: milliseconds(time), fields: fields)
    }

    /// An administrative action: fields `operator`, `role`, `action`, `arguments` (as the
    /// operator gave them, e.g. JSON), `outcome`, `detail`.
    public static func adminAction(operator name: String, role: String = "", action: String, arguments: String,
                                   outcome: String, detail: String = "", at time: Date) -> AuditEntry {
        AuditEntry(kind: .adminAction, timeMilliseconds: milliseconds(time), fields: [
            AuditField("operator", name), AuditField("role", role), AuditField("action", action),
            AuditField("arguments", arguments), AuditField("outcome", outcome), AuditField("detail", detail),
        ])
    }
}
