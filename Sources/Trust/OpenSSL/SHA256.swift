/// SHA-256 for other modules (the audit trail's hash chain), through OpenSSL's EVP interface.
///
/// `Sendable`: a namespace without state.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// SHA-256 of `bytes`. Throws `trust.internal-error` only if OpenSSL fails.
    public static func hash(_ bytes: some Collection<UInt8>) throws(TrustError) -> [UInt8] {
        try Digest.sha256(bytes)
    }
}
