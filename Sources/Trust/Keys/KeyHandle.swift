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
