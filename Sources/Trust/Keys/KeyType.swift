import COpenSSL

/// The kinds of keys Gerbang works with.
public enum KeyType: String, Sendable, Hashable, CaseIterable {
    /// ECDSA on NIST P-256 (prime256v1): the default for agency keys; JWS `ES256`.
    case ecP256 = "EC P-256"
    /// Ed25519: JWS `EdDSA`.
    case ed25519 = "Ed25519"
    /// RSA, 2048 bits or more: JWS `RS256` and `PS256`, for agencies whose PKI is RSA.
    case rsa = "RSA"

    /// The smallest RSA modulus accepted, in bits.
    public static let minimumRSABits: Int32 = 2048

    /// Classifies an `EVP_PKEY`, rejecting other curves, algorithms and short RSA keys.
    init(of key: OpaquePointer) throws(TrustError) {
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_ED25519:
            self = .ed25519
        case EVP_PKEY_RSA, EVP_PKEY_RSA_PSS:
            let bits = EVP_PKEY_get_bits(key)
            guard bits >= KeyType.minimumRSABits else {
                throw TrustError(.unsupportedKey, "RSA keys must have at least \(KeyType.minimumRSABits) bits, this one has \(bits)")
            }
            self = .rsa
        case EVP_PKEY_EC:
            var name = [CChar](repeating: 0, count: 64)
            var length = 0
            guard EVP_PKEY_get_group_name(key, &name, name.count, &length) == 1 else {
                throw TrustError(.unsupportedKey, OpenSSLError(call: "EVP_PKEY_get_group_name"))
            }
            let curve = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard curve == "prime256v1" || curve == "P-256" else {
                throw TrustError(.unsupportedKey, "EC keys must be on P-256, this one is on \(curve)")
            }
            self = .ecP256
        case let id:
            let name = OBJ_nid2sn(id).map { String(cString: $0) } ?? "NID \(id)"
            throw TrustError(.unsupportedKey, "keys of type \(name) are not supported (EC P-256, Ed25519, RSA)")
        }
    }
}
