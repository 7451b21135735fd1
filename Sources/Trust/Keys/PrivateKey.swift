import COpenSSL

/// A private key that signs: EC P-256 (the default for agencies), Ed25519, or RSA.
///
/// `Sendable`: it wraps an immutable `KeyHandle` (see there for OpenSSL's thread-safety rules);
/// every signature uses its own `EVP_MD_CTX`.
public struct PrivateKey: Sendable {
    let handle: KeyHandle

    /// The kind of key.
    public var type: KeyType { handle.type }

    /// The public half (shares the same OpenSSL key object).
    public var publicKey: PublicKey { PublicKey(handle: handle) }

    /// Generates a new key. `rsaBits` applies to `.rsa` only.
    public static func generate(_ type: KeyType = .ecP256, rsaBits: Int32 = 2048) throws(TrustError) -> PrivateKey {
        let algorithm = switch type {
        case .ecP256: "EC"
        case .ed25519: "ED25519"
        case .rsa: "RSA"
        }
        let context = try ssl("EVP_PKEY_CTX_new_from_name", EVP_PKEY_CTX_new_from_name(nil, algorithm, nil))
        defer { EVP_PKEY_CTX_free(context) }
        try ssl("EVP_PKEY_keygen_init", EVP_PKEY_keygen_init(context))
        switch type {
        case .ecP256: try ssl("EVP_PKEY_CTX_set_group_name", EVP_PKEY_CTX_set_group_name(context, "P-256"))
        case .rsa: try ssl("EVP_PKEY_CTX_set_rsa_keygen_bits", EVP_PKEY_CTX_set_rsa_keygen_bits(context, rsaBits))
        case .ed25519: break
        }
        var key: OpaquePointer?
        try ssl("EVP_PKEY_generate", EVP_PKEY_generate(context, &key))
        return PrivateKey(handle: try KeyHandle(taking: ssl("EVP_PKEY_generate", key)))
    }

    init(handle: KeyHandle) { self.handle = handle }

    /// Loads a PEM private key: PKCS#8 (`PRIVATE KEY` or `ENCRYPTED PRIVATE KEY`) or a traditional
    /// `EC PRIVATE KEY`/`RSA PRIVATE KEY`. Never prompts: an encrypted key without `passphrase`
    /// (or with a wrong one) is a `trust.malformed-key` error.
    public init(pem: some Collection<UInt8>, passphrase: String? = nil) throws(TrustError) {
        let bio = try MemoryBIO(bytes: pem)
        let key: OpaquePointer?
        if let passphrase {
            key = passphrase.withCString { c_gerbang_ssl_read_private_key(bio.pointer, $0) }
        } else {
            key = c_gerbang_ssl_read_private_key(bio.pointer, nil)
        }
        handle = try KeyHandle(taking: ssl("PEM_read_bio_PrivateKey", key, as: .malformedKey))
    }

    /// Loads a DER PKCS#8 private key, encrypted when `passphrase` is given.
    public init(pkcs8DER der: some Collection<UInt8>, passphrase: String? = nil) throws(TrustError) {
        let bio = try MemoryBIO(bytes: der)
        let key: OpaquePointer?
        if let passphrase {
            key = passphrase.withCString { pass in
                d2i_PKCS8PrivateKey_bio(bio.pointer, nil, c_gerbang_ssl_passphrase_callback, UnsafeMutableRawPointer(mutating: pass))
            }
        } else {
            key = d2i_PrivateKey_bio(bio.pointer, nil) // PrivateKeyInfo; an encrypted key fails here
        }
        handle = try KeyHandle(taking: ssl("d2i_PrivateKey_bio", key, as: .malformedKey))
    }

    /// The key as PKCS#8 PEM; encrypted with AES-256-CBC (PBKDF2) under `passphrase` when given.
    public func pkcs8PEM(passphrase: String? = nil) throws(TrustError) -> String {
        let bio = try MemoryBIO()
        let result: Int32
        if let passphrase {
            var bytes = Array(passphrase.utf8).map { CChar(bitPattern: $0) }
            result = PEM_write_bio_PKCS8PrivateKey(bio.pointer, handle.pointer, EVP_aes_256_cbc(), &bytes, Int32(bytes.count), nil, nil)
        } else {
            result = PEM_write_bio_PKCS8PrivateKey(bio.pointer, handle.pointer, nil, nil, 0, nil, nil)
        }
        try ssl("PEM_write_bio_PKCS8PrivateKey", result)
        return String(decoding: bio.bytes, as: UTF8.self)
    }

    /// The key as DER PKCS#8; encrypted with AES-256-CBC under `passphrase` when given.
    public func pkcs8DER(passphrase: String? = nil) throws(TrustError) -> [UInt8] {
        let bio = try MemoryBIO()
        let result: Int32
        if let passphrase {
            var bytes = Array(passphrase.utf8).map { CChar(bitPattern: $0) }
            result = i2d_PKCS8PrivateKey_bio(bio.pointer, handle.pointer, EVP_aes_256_cbc(), &bytes, Int32(bytes.count), nil, nil)
        } else {
            result = i2d_PKCS8PrivateKey_bio(bio.pointer, handle.pointer, nil, nil, 0, nil, nil)
        }
        try ssl("i2d_PKCS8PrivateKey_bio", result)
        return bio.bytes
    }
}
