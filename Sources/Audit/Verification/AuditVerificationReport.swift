/// What `verify` checked and the first finding, if any.
///
/// `Sendable`: a value type.
public struct AuditVerificationReport: Sendable {
    /// Where the checked chain starts (first index and the hash before it).
    public var anchor: AuditAnchor
    /// First and last record index checked (nil when none).
    public var firstIndex: Int64?
    /// The last record index checked.
    public var lastIndex: Int64?
    /// Records whose hash link was checked.
    public var recordsChecked = 0
    /// Accepted events whose bytes were found and matched their record's SHA-256.
    public var eventBodiesChecked = 0
    /// Agency signatures of accepted events checked.
    public var eventSignaturesChecked = 0
    /// Checkpoints whose signature and head were checked.
    public var checkpointsChecked = 0
    /// The hash of the last record checked.
    public var headHash: [UInt8]?
    /// Things an auditor should know that are not failures.
    public var notes: [String] = []
    /// The first thing wrong, nil if the trail is intact.
    public var finding: AuditFinding?

    /// Creates an empty report starting at `anchor`.
    public init(anchor: AuditAnchor) {
        self.anchor = anchor
    }

    /// Whether nothing was found wrong.
    public var isIntact: Bool { finding == nil }
}
