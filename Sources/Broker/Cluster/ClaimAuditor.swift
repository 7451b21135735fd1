import Audit
import Foundation
import Logging
import Store

/// Puts claims and releases on the audit trail when `audit.record-claims` is on (and the audit
/// trail is): with the delivery outcomes, they show for every delivery which consumer — and so
/// which node — held it from when to when (`docs/deployment.md`, "Evidence").
///
/// `Sendable`: an optional `Sendable` recorder and a logger.
struct ClaimAuditor: Sendable {
    /// Where records go; nil when claims are not recorded.
    private let recorder: (any AuditRecording)?
    private let logger: Logger

    init(_ services: BrokerServices, logger: Logger) {
        let audit = services.configuration.audit
        recorder = audit.enabled && audit.recordClaims ? services.store as? any AuditRecording : nil
        self.logger = logger
    }

    /// Whether claims are recorded.
    var isRecording: Bool { recorder != nil }

    /// Records one claim's deliveries (time: now, after the claim committed); returns once the
    /// record is durable, so that no delivery is sent without it.
    func recordClaim(_ deliveries: [ClaimedDelivery], consumer: ConsumerID) async {
        guard let recorder, !deliveries.isEmpty else { return }
        let claimed = deliveries.map {
            AuditEntry.ClaimedDelivery(subscription: $0.subscription.rawValue, sequence: $0.event.sequence.rawValue,
                                       delivery: $0.id.rawValue, attempt: Int64($0.attempt), leaseDeadline: $0.leaseDeadline)
        }
        do {
            try await recorder.recordAudit(.deliveriesClaimed(consumer: consumer.rawValue, deliveries: claimed, at: Date()))
        } catch {
            logger.error("audit record of a claim failed", metadata: ["consumer": "\(consumer)", "error": "\(error)"])
        }
    }

    /// Records that `count` deliveries of `consumer` were released; `releasedAt` is the time
    /// taken before the release.
    func recordRelease(of consumer: ConsumerID, count: Int, releasedAt: Date) async {
        guard let recorder, count > 0 else { return }
        do {
            try await recorder.recordAudit(.deliveriesReleased(consumer: consumer.rawValue, count: count, at: releasedAt))
        } catch {
            logger.error("audit record of a release failed", metadata: ["consumer": "\(consumer)", "error": "\(error)"])
        }
    }
}
