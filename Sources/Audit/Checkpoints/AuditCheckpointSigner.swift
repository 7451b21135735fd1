import Foundation
import Trust

/// Signs checkpoints with the broker's key and certificate (URI SAN `urn:gerbang:broker:<name>`).
///
/// `Sendable`: a value type of `Sendable` parts.
public struct AuditCheckpointSigner: Sendable {
    let key: PrivateKey
    let header: JWSHeader

    /// A signer from the broker's key, its certificate and the CA certificates after it (put in
    /// `x5c`, so a verifier needs only the root). Fails with `audit.signing` when the
    /// certificate does not certify the key.
    public init(key: PrivateKey, certificate: Certificate, chain: [Certificate]) throws(AuditError) {
        do {
            guard try certificate.publicKey().der() == key.publicKey.der() else {
                throw AuditError(.signing, "the certificate \(certificate.subject) does not certify the broker key")
            }
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.signing, "\(error)")
        }
        self.key = key
        self.header = JWSHeader(algorithm: JWSAlgorithm.default(for: key.type), keyID: "broker:\(certificate.serialHex)",
                                thumbprint: certificate.sha256Thumbprint,
                                chain: [certificate.der] + chain.map(\.der))
    }

    /// Loads the key and certificate files (PEM; the certificate file may hold the chain after
    /// the leaf, `chainFile` more CA certificates).
    public init(keyFile: URL, certificateFile: URL, chainFile: URL?) throws(AuditError) {
        do {
            let key = try PrivateKey(pem: Data(contentsOf: keyFile))
            let certificates = try Certificate.load(contentsOf: certificateFile)
            let chain = try chainFile.map { url throws(TrustError) in try Certificate.load(contentsOf: url) } ?? []
            guard let leaf = certificates.first else { throw AuditError(.signing, "\(certificateFile.path) holds no certificate") }
            try self.init(key: key, certificate: leaf, chain: Array(certificates.dropFirst()) + chain)
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.signing, "cannot load the broker signing credentials: \(error)")
        }
    }

    /// Signs the checkpoint for a chain of `recordCount` records with head `headHash` at `time`.
    public func sign(recordCount: Int64, headHash: [UInt8], at time: Date) throws(AuditError) -> AuditCheckpoint {
        let milliseconds = AuditEntry.milliseconds(time)
        let statement = AuditCheckpoint.statement(recordCount: recordCount, headHash: headHash, timeMilliseconds: milliseconds)
        do {
            let jws = try DetachedJWS(signing: statement, header: header, key: key).compact
            return AuditCheckpoint(recordCount: recordCount, headHash: headHash, timeMilliseconds: milliseconds, jws: jws)
        } catch {
            throw AuditError(.signing, "\(error)")
        }
    }
}
