import COpenSSL

/// SHA-256 through OpenSSL's EVP interface, with the algorithm fetched once per process.
///
/// `EVP_MD_fetch` looks the implementation up in the provider tables on every call; fetching once
/// keeps per-message work to the hash itself. A fetched `EVP_MD` is immutable and, per
/// openssl-threads(7), "objects are thread-safe as long as the API's being invoked don't modify the
/// object", so the shared fetch is used from any thread.
enum Digest {
    /// The fetched SHA-256 implementation (never freed: it lives as long as the process).
    nonisolated(unsafe) static let sha256Method: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

    /// SHA-256 of `bytes`.
    static func sha256(_ bytes: some Collection<UInt8>) throws(TrustError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = Array(bytes).withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, sha256Method, nil)
        }
        try ssl("EVP_Digest", result)
        return output
    }
}
