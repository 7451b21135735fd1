/// Where `verify` reads a trail from: the broker's store or an archive.
///
/// Not required to be `Sendable`: a source is used by one verification at a time.
public protocol AuditSource {
    /// The retention anchor, nil when records were never pruned (the chain starts at genesis).
    func anchor() throws(AuditError) -> AuditAnchor?
    /// Up to `limit` records with `from ≤ index ≤ to`, in index order.
    func records(from: Int64, to: Int64, limit: Int) throws(AuditError) -> [AuditRecord]
    /// Every checkpoint, oldest first.
    func checkpoints() throws(AuditError) -> [AuditCheckpoint]
    /// The bytes of the accepted event with this sequence number (which its `event.accepted`
    /// record covers by their SHA-256), nil when the source does not hold them.
    func eventBody(sequence: Int64) throws(AuditError) -> [UInt8]?
}
