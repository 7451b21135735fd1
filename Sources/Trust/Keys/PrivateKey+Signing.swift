import COpenSSL

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
