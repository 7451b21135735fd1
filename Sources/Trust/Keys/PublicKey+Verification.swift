import COpenSSL

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
        let input = Array(message)
        let raw = Array(signature)
        if let template = handle.verification {
            // ES256: against the key's precomputed multiples once it has them, else through EVP
            // with the DER form (whose conversion refuses a signature of the wrong length).
            let fast: Bool?
            if algorithm != .es256 {
                fast = template.verifyEdDSA(signature: raw, message: input)
            } else if let precomputed = template.verifyP256(rawSignature: raw, message: input) {
                fast = precomputed
            } else {
                fast = template.verifyECDSA(derSignature: try ECDSASignature.der(fromRaw: raw), message: input)
            }
            if let fast { return fast }
        }
        let signatureBytes = algorithm == .es256 ? try ECDSASignature.der(fromRaw: raw) : raw
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
