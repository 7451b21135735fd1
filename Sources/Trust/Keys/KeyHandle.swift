import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` and frees it with `EVP_PKEY_free` in `deinit`.
///
/// `@unchecked Sendable` because the key is never modified after construction: every use (sign,
/// verify, encode) reads it through a fresh per-call `EVP_MD_CTX`/`EVP_PKEY_CTX`. openssl-threads(7)
/// (OpenSSL 3.0): "Objects are thread-safe as long as the API's being invoked don't modify the
/// object [...] two threads can calculate a signature using two different EVP_PKEY_CTX objects."
/// Keys are reference counted with locks, so sharing the handle needs nothing more.
final class KeyHandle: @unchecked Sendable {
    /// The owned `EVP_PKEY *`.
    let pointer: OpaquePointer
    /// What kind of key it is, read once at construction.
    let type: KeyType
    /// The prepared verification context (EC P-256 and Ed25519), made once at construction.
    let verification: VerificationTemplate?

    /// Takes ownership of `pointer` (one reference), rejecting key types Gerbang does not use.
    init(taking pointer: OpaquePointer) throws(TrustError) {
        self.pointer = pointer
        do {
            self.type = try KeyType(of: pointer)
        } catch {
            EVP_PKEY_free(pointer)
            throw error
        }
        verification = VerificationTemplate(key: pointer, type: type)
    }

    deinit { EVP_PKEY_free(pointer) }
}

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
