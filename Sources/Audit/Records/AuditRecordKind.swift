/// What an audit record attests. The raw values are part of the record encoding
/// (`docs/audit.md`) and never change.
public enum AuditRecordKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The broker accepted an event (stored with its exact bytes and agency signature).
    case eventAccepted = "event.accepted"
    /// The broker refused an event (reason and sender only, never the payload).
    case eventRejected = "event.rejected"
    /// A consumer's answer to a delivery, or the broker's decision to dead-letter it.
    case deliveryOutcome = "delivery.outcome"
    /// Deliveries handed to a consumer by one claim, with their attempt and lease deadline
    /// (written when `audit.record-claims` is on, `docs/deployment.md`).
    case deliveryClaimed = "delivery.claimed"
    /// A consumer's in-flight deliveries were returned to ready (its session ended), written
    /// when `audit.record-claims` is on.
    case deliveryReleased = "delivery.released"
    /// An operator's administrative action.
    case adminAction = "admin.action"
}
