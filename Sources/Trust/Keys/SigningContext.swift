import COpenSSL

/// Owns one `EVP_MD_CTX` for a single sign or verify operation; freed in `deinit`.
///
/// Not `Sendable`: a digest context carries the running hash state, and openssl-threads(7) says
/// "most objects are not safe for simultaneous use". One is created per signature.
final class SigningContext {
    /// The owned `EVP_MD_CTX *`.
    let pointer: OpaquePointer

    init() throws(TrustError) {
        pointer = try ssl("EVP_MD_CTX_new", EVP_MD_CTX_new())
    }

    deinit { EVP_MD_CTX_free(pointer) }

    /// The digest for `algorithm` (nil for EdDSA, which hashes internally).
    static func digest(for algorithm: JWSAlgorithm) -> OpaquePointer? {
        algorithm.keyType == .ed25519 ? nil : Digest.sha256Method
    }

    /// Sets PSS padding with a salt as long as the digest (RFC 7518 §3.5) on `keyContext`.
    static func configurePSS(_ keyContext: OpaquePointer?) throws(TrustError) {
        try ssl("EVP_PKEY_CTX_set_rsa_padding", EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING))
        try ssl("EVP_PKEY_CTX_set_rsa_pss_saltlen", EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST))
    }
}
