import Foundation

/// The target state of a consumer's answer, as every store applies it: ACK, NACK retryable (with
/// the retry time the broker computed) or a dead letter (NACK permanent, maximum attempts).
///
/// `Sendable`: values.
public enum DeliverySettlement: Sendable {
    case acknowledge
    case retry(at: Date, DeliveryFailure)
    case dead(DeliveryFailure)

    /// The `outcome` and `reason` fields of the `delivery.outcome` audit record it writes
    /// (`docs/audit.md`).
    public var auditOutcome: (name: String, reason: String) {
        switch self {
        case .acknowledge: ("acknowledged", "")
        case .retry(_, let failure): ("retry", failure.reason)
        case .dead(let failure): ("dead-lettered", failure.reason)
        }
    }
}
