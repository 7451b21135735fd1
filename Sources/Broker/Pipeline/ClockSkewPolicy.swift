import Envelope
import Foundation
import GMP

/// The pipeline's check of an event's `time` against the broker's clock (`event.clock-skew`).
/// `Sendable`: integers.
public struct ClockSkewPolicy: Sendable, Hashable {
    /// How far in the future `time` may be, seconds.
    public var maxFutureSeconds: Int
    /// How far in the past `time` may be, seconds; 0 = no limit.
    public var maxAgeSeconds: Int

    /// Creates a policy.
    public init(maxFutureSeconds: Int, maxAgeSeconds: Int) {
        self.maxFutureSeconds = maxFutureSeconds
        self.maxAgeSeconds = maxAgeSeconds
    }

    /// The rejection for an event whose `time` lies outside the allowed window, or nil. A `time`
    /// that is absent or not RFC 3339 is left to the schema (`schema.violation` on `/time`).
    func check(_ event: CloudEvent, tag: UInt64, now: Date) -> GMPMessage.Rejected? {
        guard let time = event.timeInstant else { return nil }
        let offset = time.timeIntervalSince(now)
        if offset > Double(maxFutureSeconds) {
            return .init(tag: tag, reason: .eventClockSkew,
                         message: "`time` is more than \(maxFutureSeconds) s ahead of the broker's clock", location: "/time")
        }
        if maxAgeSeconds > 0 && -offset > Double(maxAgeSeconds) {
            return .init(tag: tag, reason: .eventClockSkew,
                         message: "`time` is more than \(maxAgeSeconds) s in the past", location: "/time")
        }
        return nil
    }
}
