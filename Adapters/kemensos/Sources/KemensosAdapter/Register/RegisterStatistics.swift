/// Counts of the register, for logs, tests and the operator.
///
/// `Sendable`: a value type of integers.
public struct RegisterStatistics: Sendable, Hashable, CustomStringConvertible {
    /// Beneficiaries still paid.
    public var eligible: Int
    /// Beneficiaries whose eligibility ended.
    public var revoked: Int
    /// Revocations the broker accepted.
    public var revocationsPublished: Int
    /// Disbursements by status.
    public var pending: Int
    /// Requests the broker accepted, not yet answered by the provider.
    public var requested: Int
    /// Paid.
    public var settled: Int
    /// Not paid.
    public var failed: Int
    /// Registered moves of beneficiaries.
    public var relocations: Int

    public var description: String {
        "eligible=\(eligible) revoked=\(revoked) revocations-published=\(revocationsPublished) pending=\(pending) "
            + "requested=\(requested) settled=\(settled) failed=\(failed) relocations=\(relocations)"
    }
}
