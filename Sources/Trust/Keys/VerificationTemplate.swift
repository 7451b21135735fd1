import COpenSSL
import Synchronization

/// An OpenSSL verification context set up once per public key, copied for each verification.
///
/// In OpenSSL 3, `EVP_DigestVerifyInit` looks up the signature and digest implementations in the
/// provider tables on every call, which costs a noticeable share of an ECDSA verification.
/// A template initialised once and duplicated per call (`EVP_PKEY_CTX_dup`, `EVP_MD_CTX_copy_ex`)
/// skips the lookup; the duplicate is the context the verification runs on, so the template is
/// never modified after `init`.
///
/// - EC P-256: an `EVP_PKEY_CTX` after `EVP_PKEY_verify_init`; the caller hashes with SHA-256.
/// - Ed25519: an `EVP_MD_CTX` after `EVP_DigestVerifyInit` (EdDSA hashes internally).
///
/// - EC P-256, ES256 fast path: a P-256 group whose generator is the key, with its precomputed
///   multiples, made once the key has been verified often (``verifyP256(rawSignature:message:)``).
///
/// `@unchecked Sendable`: after `init` the template is only passed, as a `const` pointer, to
/// `EVP_PKEY_CTX_dup` and `EVP_MD_CTX_copy_ex`, which read it; the keyed group is published once
/// through an atomic compare-and-exchange and from then on only read (`EC_POINT_mul` takes a
/// `const EC_GROUP *`); openssl-threads(7): "Objects are thread-safe as long as the API's being
/// invoked don't modify the object". Both are freed in `deinit`.
final class VerificationTemplate: @unchecked Sendable {
    private enum Context {
        case digest(OpaquePointer)  // EVP_PKEY_CTX *
        case message(OpaquePointer) // EVP_MD_CTX *
    }

    private let context: Context
    /// The verified key (owned by the ``KeyHandle`` that owns this template), for the keyed group.
    private let key: OpaquePointer
    /// The `EC_GROUP *` whose generator is this P-256 key with its precomputed multiples
    /// (`c_gerbang_ssl_p256_keyed_group`), made after ``precomputeAfter`` ES256 verifications;
    /// 0 until then.
    /// An atomic rather than a lock: every verification reads it, from every core.
    private let keyedGroup = Atomic<UInt>(0)
    /// ES256 verifications before the keyed group exists; the one that reaches
    /// ``precomputeAfter`` makes it.
    private let verificationsBeforeGroup = Atomic<Int>(0)

    /// How many ES256 verifications a key gets the general way before its multiples are
    /// precomputed. The table costs ~22 ms to build (on this project's 2-core VM) and saves ~21 µs
    /// per verification, so it pays for itself after about 1,000: a key verified that often is an
    /// agency's signer, verified for every event it publishes, while a key read to check one
    /// signature (an audit checkpoint's certificate) never pays the 22 ms.
    static let precomputeAfter = 1_024

    /// The standard P-256 group, shared and only read (never freed).
    nonisolated(unsafe) private static let p256: OpaquePointer? = c_gerbang_ssl_p256_group()

    /// A template for `key`, or nil for key types verified the general way (RSA) or when OpenSSL
    /// refuses (then the general path reports the error).
    init?(key: OpaquePointer, type: KeyType) {
        self.key = key
        switch type {
        case .ecP256:
            guard let keyContext = EVP_PKEY_CTX_new_from_pkey(nil, key, nil) else { return nil }
            guard EVP_PKEY_verify_init(keyContext) == 1 else {
                EVP_PKEY_CTX_free(keyContext)
                ERR_clear_error()
                return nil
            }
            context = .digest(keyContext)
        case .ed25519:
            guard let digestContext = EVP_MD_CTX_new() else { return nil }
            guard EVP_DigestVerifyInit(digestContext, nil, nil, nil, key) == 1 else {
                EVP_MD_CTX_free(digestContext)
                ERR_clear_error()
                return nil
            }
            context = .message(digestContext)
        case .rsa:
            return nil
        }
    }

    deinit {
        if let group = OpaquePointer(bitPattern: keyedGroup.load(ordering: .acquiring)) { EC_GROUP_free(group) }
        switch context {
        case .digest(let keyContext): EVP_PKEY_CTX_free(keyContext)
        case .message(let digestContext): EVP_MD_CTX_free(digestContext)
        }
    }

    /// Verifies a DER ECDSA signature over `message` (hashed here with SHA-256); nil when the
    /// template cannot be used (the caller falls back to the general path).
    func verifyECDSA(derSignature: [UInt8], message: [UInt8]) -> Bool? {
        guard case .digest(let template) = context, let copy = EVP_PKEY_CTX_dup(template) else { return nil }
        defer { EVP_PKEY_CTX_free(copy) }
        guard let digest = try? Digest.sha256(message) else { return nil }
        let result = EVP_PKEY_verify(copy, derSignature, derSignature.count, digest, digest.count)
        if result != 1 { ERR_clear_error() }
        return result == 1
    }

    /// Verifies an ES256 signature (`R‖S`, 64 bytes) over `message` (hashed here with SHA-256)
    /// with this key's precomputed multiples (`c_gerbang_ssl_p256_verify`): about two thirds of the time of
    /// ``verifyECDSA(derSignature:message:)``, whose `EC_POINT_mul` rebuilds a table of the key's
    /// multiples for every signature. Nil when the template cannot be used, or not yet (the caller
    /// then verifies the general way).
    func verifyP256(rawSignature: [UInt8], message: [UInt8]) -> Bool? {
        guard case .digest = context, rawSignature.count == 64, let curve = Self.p256, let keyed = keyedP256Group(),
              let digest = try? Digest.sha256(message) else { return nil }
        let result = c_gerbang_ssl_p256_verify(curve, keyed, digest, rawSignature)
        return result < 0 ? nil : result == 1
    }

    /// The keyed group once the key has been verified ``precomputeAfter`` times (nil before: the
    /// caller verifies the general way). Only the verification that reaches the count makes it,
    /// so no two threads build a table at once.
    private func keyedP256Group() -> OpaquePointer? {
        if let group = OpaquePointer(bitPattern: keyedGroup.load(ordering: .acquiring)) { return group }
        guard verificationsBeforeGroup.wrappingAdd(1, ordering: .relaxed).newValue == Self.precomputeAfter,
              let made = c_gerbang_ssl_p256_keyed_group(key) else { return nil }
        let (exchanged, original) = keyedGroup.compareExchange(
            expected: 0, desired: UInt(bitPattern: made), successOrdering: .acquiringAndReleasing, failureOrdering: .acquiring)
        if exchanged { return made }
        EC_GROUP_free(made)
        return OpaquePointer(bitPattern: original)
    }

    /// Verifies an Ed25519 signature over `message`; nil when the template cannot be used.
    func verifyEdDSA(signature: [UInt8], message: [UInt8]) -> Bool? {
        guard case .message(let template) = context, let copy = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(copy) }
        guard EVP_MD_CTX_copy_ex(copy, template) == 1 else {
            ERR_clear_error()
            return nil
        }
        let result = EVP_DigestVerify(copy, signature, signature.count, message, message.count)
        if result != 1 { ERR_clear_error() }
        return result == 1
    }
}
