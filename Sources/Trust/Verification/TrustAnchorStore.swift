import COpenSSL

/// The trust anchors (root CAs) as an OpenSSL `X509_STORE`; freed with `X509_STORE_free` in `deinit`.
///
/// `@unchecked Sendable`: the store is filled once in `init` and afterwards only read by
/// `X509_verify_cert` through per-verification `X509_STORE_CTX`s — the way every TLS server
/// shares one store across connections. The store guards its lookups with its own lock
/// (`X509_STORE_lock`, used internally by `X509_STORE_CTX_get1_issuer`), and openssl-threads(7)
/// says "Objects are thread-safe as long as the API's being invoked don't modify the object".
final class TrustAnchorStore: @unchecked Sendable {
    /// The owned `X509_STORE *`.
    let pointer: OpaquePointer
    /// The anchors it holds (kept for display).
    let anchors: [Certificate]

    init(anchors: [Certificate]) throws(TrustError) {
        pointer = try ssl("X509_STORE_new", X509_STORE_new())
        self.anchors = anchors
        for anchor in anchors where X509_STORE_add_cert(pointer, anchor.pointer) != 1 {
            // A duplicate anchor is reported as "cert already in hash table"; that is harmless.
            ERR_clear_error()
        }
    }

    deinit { X509_STORE_free(pointer) }
}
