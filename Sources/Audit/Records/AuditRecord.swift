/// One stored audit record: its index, canonical encoding and chain hash, as found in the store
/// or an archive (not yet verified).
///
/// `Sendable`: a value type.
public struct AuditRecord: Sendable, Hashable {
    /// The record's position in the chain (1 = the first record ever written).
    public var index: Int64
    /// The kind column as stored (checked against the encoding).
    public var kind: String
    /// The time column as stored, milliseconds (checked against the encoding).
    public var timeMilliseconds: Int64
    /// The canonical encoding (``AuditEncoding``).
    public var encoding: [UInt8]
    /// The stored chain hash.
    public var hash: [UInt8]

    /// Creates a record.
    public init(index: Int64, kind: String, timeMilliseconds: Int64, encoding: [UInt8], hash: [UInt8]) {
        self.index = index
        self.kind = kind
        self.timeMilliseconds = timeMilliseconds
        self.encoding = encoding
        self.hash = hash
    }
}
