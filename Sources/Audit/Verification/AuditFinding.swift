/// The first thing wrong with an audit trail: which record, of what kind, and what.
///
/// `Sendable`: a value type.
public struct AuditFinding: Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable reasons.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// A record index is absent (deleted, or the tail was truncated below a checkpoint).
        case recordMissing = "audit.record-missing"
        /// The record's encoding carries another index (moved or swapped).
        case indexMismatch = "audit.index-mismatch"
        /// The encoding is not a valid record encoding.
        case malformedRecord = "audit.malformed-record"
        /// The stored `kind` or `at` column disagrees with the encoding.
        case columnMismatch = "audit.column-mismatch"
        /// SHA-256(previous hash || encoding) is not the stored hash: the record or its hash changed.
        case hashMismatch = "audit.hash-mismatch"
        /// The agency signature of an accepted event does not verify, or the record's fields
        /// disagree with the event.
        case eventSignature = "audit.event-signature"
        /// The bytes of an accepted event are neither in the store nor in the archive.
        case eventBodyMissing = "audit.event-body-missing"
        /// The stored bytes of an accepted event do not have the SHA-256 its record carries.
        case eventBodyMismatch = "audit.event-body-mismatch"
        /// A checkpoint's signature or certificate does not verify.
        case checkpointSignature = "audit.checkpoint-signature"
        /// A checkpoint's head hash is not the chain's hash at its record count (history rewritten).
        case checkpointMismatch = "audit.checkpoint-mismatch"
        /// The retained chain's anchor does not continue the archive before it.
        case anchorMismatch = "audit.anchor-mismatch"
    }

    /// The index of the first bad record (or the record a checkpoint names).
    public let index: Int64
    /// The record's kind (`event.accepted`, ...), or `checkpoint`, or nil when the record is missing.
    public let kind: String?
    /// What is wrong.
    public let reason: Reason
    /// A human explanation.
    public let message: String

    /// Creates a finding.
    public init(index: Int64, kind: String?, reason: Reason, message: String) {
        self.index = index
        self.kind = kind
        self.reason = reason
        self.message = message
    }

    /// `record <n> (<kind>): <reason>: <message>`.
    public var description: String {
        "record \(index)\(kind.map { " (\($0))" } ?? ""): \(reason.rawValue): \(message)"
    }
}
