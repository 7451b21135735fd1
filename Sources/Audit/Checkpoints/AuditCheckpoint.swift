/// A signed statement by the broker that the chain held `recordCount` records with head hash
/// `headHash` at `timeMilliseconds`.
///
/// The signed bytes are ``statement``, rebuilt from the three values (so changing any stored
/// value breaks the signature); the signature is a detached compact JWS (ES256) whose header
/// carries the broker certificate and its issuing CA in `x5c`.
///
/// `Sendable`: a value type.
public struct AuditCheckpoint: Sendable, Hashable, Codable {
    /// The number of records covered, i.e. the index of the head record.
    public var recordCount: Int64
    /// The hash of record `recordCount`.
    public var headHash: [UInt8]
    /// When the broker signed it, milliseconds since the epoch.
    public var timeMilliseconds: Int64
    /// The detached compact JWS over ``statement``.
    public var jws: String

    /// Creates a checkpoint.
    public init(recordCount: Int64, headHash: [UInt8], timeMilliseconds: Int64, jws: String) {
        self.recordCount = recordCount
        self.headHash = headHash
        self.timeMilliseconds = timeMilliseconds
        self.jws = jws
    }

    /// The signed statement: RFC 8785 canonical JSON
    /// `{"count":N,"head":"<hex>","time":T,"type":"gerbang.audit.checkpoint.v1"}`.
    public var statement: [UInt8] {
        Self.statement(recordCount: recordCount, headHash: headHash, timeMilliseconds: timeMilliseconds)
    }

    /// The statement for these values.
    public static func statement(recordCount: Int64, headHash: [UInt8], timeMilliseconds: Int64) -> [UInt8] {
        Array("{\"count\":\(recordCount),\"head\":\"\(AuditChain.hex(headHash))\",\"time\":\(timeMilliseconds),\"type\":\"gerbang.audit.checkpoint.v1\"}".utf8)
    }

    /// One line of the witness file: the checkpoint as JSON.
    public var witnessLine: String {
        "{\"count\":\(recordCount),\"head\":\"\(AuditChain.hex(headHash))\",\"time\":\(timeMilliseconds),\"jws\":\"\(jws)\"}"
    }
}
