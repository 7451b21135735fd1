import COpenSSL
import Logging

/// What a server ``TLSContext``'s verification callback runs on a client's certificate chain: the
/// ``ChainVerifier`` (anchors, intermediates, CRLs, keyUsage, and the agency of the URI SAN).
///
/// `Sendable`: immutable references to `Sendable` objects.
final class PeerCertificateCheck: Sendable {
    let verifier: ChainVerifier
    let logger: Logger

    init(verifier: ChainVerifier, logger: Logger) {
        self.verifier = verifier
        self.logger = logger
    }

    /// Verifies the chain in `storeContext` (the peer's leaf and the certificates it sent); sets
    /// the context's error as SSL_CTX_set_cert_verify_callback(3) asks and says whether to go on.
    func verify(_ storeContext: OpaquePointer) -> Bool {
        guard let leafPointer = X509_STORE_CTX_get0_cert(storeContext) else {
            X509_STORE_CTX_set_error(storeContext, X509_V_ERR_APPLICATION_VERIFICATION)
            return false
        }
        // X509_STORE_CTX_get0_cert and _get0_untrusted return borrowed pointers: `sharing` takes
        // a reference of our own for each certificate.
        let leaf = Certificate(sharing: leafPointer)
        var presented: [Certificate] = []
        if let untrusted = X509_STORE_CTX_get0_untrusted(storeContext) {
            for index in 0..<c_gerbang_ssl_sk_X509_num(untrusted) {
                if let certificate = c_gerbang_ssl_sk_X509_value(untrusted, index) { presented.append(Certificate(sharing: certificate)) }
            }
        }
        do {
            let chain = try verifier.verify(leaf: leaf, presented: presented)
            logger.debug("client certificate accepted", metadata: ["agency": "\(chain.agency.id)"])
            X509_STORE_CTX_set_error(storeContext, X509_V_OK)
            return true
        } catch {
            logger.info("client certificate refused", metadata: ["reason": "\(error.reason.rawValue)", "subject": "\(leaf.subject)"])
            X509_STORE_CTX_set_error(storeContext, X509_V_ERR_APPLICATION_VERIFICATION)
            return false
        }
    }
}
