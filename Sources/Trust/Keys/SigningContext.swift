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

extension PrivateKey {
    /// Signs `message` with `algorithm`, returning the signature in JWS form (`R || S` for ES256).
    ///
    /// Throws `trust.alg-key-mismatch` when `algorithm` does not fit the key.
    public func sign(_ message: some Collection<UInt8>, algorithm: JWSAlgorithm) throws(TrustError) -> [UInt8] {
        guard algorithm.keyType == type else {
            throw TrustError(.algKeyMismatch, "\(algorithm.rawValue) needs a \(algorithm.keyType.rawValue) key, this key is \(type.rawValue)")
        }
        let context = try SigningContext()
        var keyContext: OpaquePointer?
        try ssl("EVP_DigestSignInit", EVP_DigestSignInit(context.pointer, &keyContext, SigningContext.digest(for: algorithm), nil, handle.pointer))
        if algorithm == .ps256 { try SigningContext.configurePSS(keyContext) }
        let input = Array(message)
        var length = 0
        try ssl("EVP_DigestSign", EVP_DigestSign(context.pointer, nil, &length, input, input.count))
        var signature = [UInt8](repeating: 0, count: length)
        try ssl("EVP_DigestSign", EVP_DigestSign(context.pointer, &signature, &length, input, input.count))
        signature.removeSubrange(length...)
        return algorithm == .es256 ? try ECDSASignature.raw(fromDER: signature) : signature
    }
}

extension PublicKey {
    /// Whether `signature` (JWS form) is a valid `algorithm` signature of `message` by this key.
    ///
    /// Returns false for a wrong signature; throws `trust.alg-key-mismatch` when `algorithm` does not
    /// fit the key, and `trust.bad-signature` for a signature of the wrong shape.
    public func isValidSignature(
        _ signature: some Collection<UInt8>, for message: some Collection<UInt8>, algorithm: JWSAlgorithm
    ) throws(TrustError) -> Bool {
        guard algorithm.keyType == type else {
            throw TrustError(.algKeyMismatch, "\(algorithm.rawValue) needs a \(algorithm.keyType.rawValue) key, the signer's key is \(type.rawValue)")
        }
        let signatureBytes = algorithm == .es256 ? try ECDSASignature.der(fromRaw: Array(signature)) : Array(signature)
        let input = Array(message)
        if let template = handle.verification {
            let fast = algorithm == .es256
                ? template.verifyECDSA(derSignature: signatureBytes, message: input)
                : template.verifyEdDSA(signature: signatureBytes, message: input)
            if let fast { return fast }
        }
        let context = try SigningContext()
        var keyContext: OpaquePointer?
        try ssl("EVP_DigestVerifyInit", EVP_DigestVerifyInit(context.pointer, &keyContext, SigningContext.digest(for: algorithm), nil, handle.pointer))
        if algorithm == .ps256 { try SigningContext.configurePSS(keyContext) }
        let result = EVP_DigestVerify(context.pointer, signatureBytes, signatureBytes.count, input, input.count)
        // 1: valid; 0: invalid; negative: malformed signature. Either failure leaves queue entries.
        ERR_clear_error()
        return result == 1
    }
}
