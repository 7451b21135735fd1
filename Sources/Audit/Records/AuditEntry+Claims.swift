import Foundation

extension AuditEntry {
    /// One delivery of a ``deliveriesClaimed(consumer:deliveries:at:)`` record.
    public struct ClaimedDelivery: Sendable, Hashable {
        /// The subscription.
        public var subscription: String
        /// The event's sequence number.
        public var sequence: Int64
        /// The delivery id.
        public var delivery: Int64
        /// The attempt the claim started.
        public var attempt: Int64
        /// When the claim's lease ends, milliseconds since the epoch.
        public var leaseDeadlineMilliseconds: Int64

        /// Creates one.
        public init(subscription: String, sequence: Int64, delivery: Int64, attempt: Int64, leaseDeadline: Date) {
            self.subscription = subscription
            self.sequence = sequence
            self.delivery = delivery
            self.attempt = attempt
            self.leaseDeadlineMilliseconds = AuditEntry.milliseconds(leaseDeadline)
        }
    }

    /// Deliveries one claim handed to `consumer` (whose id names its node, `<node>/…`): fields
    /// `consumer`, then per delivery, in order, `subscription`, `sequence`, `delivery`, `attempt`,
    /// `lease-deadline` (milliseconds since the epoch). The time is taken once the claim has
    /// committed, so it is never earlier than the moment the deliveries became the consumer's.
    public static func deliveriesClaimed(consumer: String, deliveries: [ClaimedDelivery], at time: Date) -> AuditEntry {
        var fields = [AuditField("consumer", consumer)]
        fields.reserveCapacity(1 + 5 * deliveries.count)
        for claimed in deliveries {
            fields += [AuditField("subscription", claimed.subscription), AuditField("sequence", claimed.sequence),
                       AuditField("delivery", claimed.delivery), AuditField("attempt", claimed.attempt),
                       AuditField("lease-deadline", claimed.leaseDeadlineMilliseconds)]
        }
        return AuditEntry(kind: .deliveryClaimed, timeMilliseconds: milliseconds(time), fields: fields)
    }

    /// Every in-flight delivery of `consumer` was returned to ready (its session ended): fields
    /// `consumer`, `count`. The time is taken before the release, so it is never later than the
    /// moment the deliveries stopped being the consumer's.
    public static func deliveriesReleased(consumer: String, count: Int, at time: Date) -> AuditEntry {
        AuditEntry(kind: .deliveryReleased, timeMilliseconds: milliseconds(time),
                   fields: [AuditField("consumer", consumer), AuditField("count", Int64(count))])
    }
}
