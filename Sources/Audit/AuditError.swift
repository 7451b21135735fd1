/// A failure of the audit trail's machinery (not a verification finding: those are
/// ``AuditFinding``s). `Sendable`: a value type.
public struct AuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable reasons.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Bytes that are not a valid record encoding.
        case malformedRecord = "audit.malformed-record"
        /// The store could not be read or written.
        case store = "audit.store"
        /// An archive file could not be read, written or parsed.
        case archive = "audit.archive"
        /// Signing a checkpoint failed (key, certificate).
        case signing = "audit.signing"
        /// A bad setting or missing file.
        case configuration = "audit.configuration"
    }

    /// The reason code.
    public let reason: Reason
    /// A human explanation (never payloads).
    public let message: String

    /// Creates an error.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `<reason>: <message>`.
    public var description: String { "\(reason.rawValue): \(message)" }
}
