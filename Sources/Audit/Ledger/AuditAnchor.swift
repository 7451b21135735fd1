/// Where a retained chain starts: the first index kept and the hash of the record before it
/// (records before it were archived, then deleted by retention).
///
/// `Sendable`: a value type.
public struct AuditAnchor: Sendable, Hashable, Codable {
    /// The first record index of the retained chain.
    public var firstIndex: Int64
    /// The hash of record `firstIndex - 1` (the genesis hash when `firstIndex` is 1).
    public var previousHash: [UInt8]
    /// The archive file that holds the records before `firstIndex` (empty for an export's own anchor).
    public var archive: String

    /// Creates an anchor.
    public init(firstIndex: Int64, previousHash: [UInt8], archive: String) {
        self.firstIndex = firstIndex
        self.previousHash = previousHash
        self.archive = archive
    }

    /// The start of a chain that was never pruned.
    public static let genesis = AuditAnchor(firstIndex: 1, previousHash: AuditChain.genesis, archive: "")
}
