import COpenSSL

/// A public key that verifies signatures: EC P-256, Ed25519 or RSA.
///
/// `Sendable`: it wraps an immutable `KeyHandle` (see there for OpenSSL's thread-safety rules).
public struct PublicKey: Sendable {
    let handle: KeyHandle

    init(handle: KeyHandle) { self.handle = handle }

    /// The kind of key.
    public var type: KeyType { handle.type }

    /// Loads a `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo) PEM.
    public init(pem: some Collection<UInt8>) throws(TrustError) {
        let bio = try MemoryBIO(bytes: pem)
        let key = try ssl("PEM_read_bio_PUBKEY", PEM_read_bio_PUBKEY(bio.pointer, nil, nil, nil), as: .malformedKey)
        handle = try KeyHandle(taking: key)
    }

    /// Loads a DER SubjectPublicKeyInfo.
    public init(der: some Collection<UInt8>) throws(TrustError) {
        let bytes = Array(der)
        let key = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        handle = try KeyHandle(taking: ssl("d2i_PUBKEY", key, as: .malformedKey))
    }

    /// The key as a `PUBLIC KEY` PEM.
    public func pem() throws(TrustError) -> String {
        let bio = try MemoryBIO()
        try ssl("PEM_write_bio_PUBKEY", PEM_write_bio_PUBKEY(bio.pointer, handle.pointer))
        return String(decoding: bio.bytes, as: UTF8.self)
    }

    /// The key as DER SubjectPublicKeyInfo.
    public func der() throws(TrustError) -> [UInt8] {
        try encodeDER("i2d_PUBKEY") { i2d_PUBKEY(handle.pointer, $0) }
    }
}
