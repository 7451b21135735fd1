import COpenSSL

/// Owns one `X509_STORE_CTX` for one chain verification; freed in `deinit`.
///
/// Not `Sendable`: it holds the state of a single `X509_verify_cert` run.
final class StoreContext {
    /// The owned `X509_STORE_CTX *`.
    let pointer: OpaquePointer

    init() throws(TrustError) {
        pointer = try ssl("X509_STORE_CTX_new", X509_STORE_CTX_new())
    }

    deinit { X509_STORE_CTX_free(pointer) }
}
