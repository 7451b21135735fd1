import Foundation
import Trust

/// Checks one checkpoint's signature: the JWS parses, its `x5c` leaf is a broker certificate
/// (URI SAN `urn:gerbang:broker:`) chaining to a root at the checkpoint's time, and the
/// signature covers the statement rebuilt from the checkpoint's values.
///
/// `Sendable`: a namespace without state.
enum AuditCheckpointVerification {
    /// A description of what is wrong, or nil when the checkpoint is validly signed.
    static func problem(with checkpoint: AuditCheckpoint, chains: ChainVerifier) -> String? {
        do {
            let jws = try DetachedJWS(compact: checkpoint.jws)
            guard let chain = jws.header.chain, let leafDER = chain.first else {
                return "the JWS carries no x5c certificate chain"
            }
            let leaf = try Certificate(der: leafDER)
            let presented = try chain.dropFirst().map { der throws(TrustError) in try Certificate(der: der) }
            let time = Date(timeIntervalSince1970: Double(checkpoint.timeMilliseconds) / 1_000)
            _ = try chains.verifyServiceCertificate(leaf: leaf, presented: presented, uriPrefix: DevelopmentPKI.brokerURNPrefix, at: time)
            guard try jws.isValid(payload: checkpoint.statement, key: leaf.publicKey()) else {
                return "the signature does not match the checkpoint's count, head and time"
            }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
