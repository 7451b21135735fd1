/// What processing a generated export must produce, for the end-to-end test.
///
/// `Sendable`: a value type.
public struct SampleExpectations: Sendable, Hashable {
    /// Data rows in the file.
    public var rows = 0
    /// Good rows by kind.
    public var births = 0
    /// Good death rows (beneficiaries or not).
    public var deaths = 0
    /// Good move rows.
    public var moves = 0
    /// Beneficiary ids whose recipient's death the file registers.
    public var deceasedBeneficiaries: Set<String> = []
    /// Beneficiary ids whose recipient's move the file registers.
    public var movedBeneficiaries: Set<String> = []
    /// The malformed rows: line and the reason the adapter must give.
    public var malformed: [Int: String] = [:]

    /// Rows that become events.
    public var published: Int { births + deaths + moves }
}
