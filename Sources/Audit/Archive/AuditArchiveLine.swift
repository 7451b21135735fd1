import Foundation

/// One line of an archive file (JSON): the header, the trust material, a record, an accepted
/// event's bytes, or a checkpoint.
/// Binary values are standard base64 (`Data` in JSON), hashes lowercase hex.
///
/// `Sendable`: a value type.
struct AuditArchiveLine: Codable, Sendable {
    /// `header`, `trust`, `record`, `event` or `checkpoint`.
    var type: String
    // header
    var format: String?
    var createdAt: String?
    var firstIndex: Int64?
    var lastIndex: Int64?
    var previousHash: String?
    var source: String?
    // trust
    var trust: AuditTrustMaterial?
    // record
    var index: Int64?
    var kind: String?
    var time: Int64?
    var encoding: Data?
    var hash: String?
    // event (the bytes an `event.accepted` record covers by their SHA-256)
    var sequence: Int64?
    var body: Data?
    // checkpoint
    var count: Int64?
    var head: String?
    var jws: String?

    init(type: String) { self.type = type }
}
