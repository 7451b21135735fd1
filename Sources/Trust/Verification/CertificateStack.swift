import COpenSSL

/// A `STACK_OF(X509)` built for one verification (the untrusted intermediates); freed in `deinit`.
///
/// Not `Sendable`: built, used and dropped within one call.
final class CertificateStack {
    /// The owned `STACK_OF(X509) *`.
    let pointer: OpaquePointer

    init(_ certificates: [Certificate]) throws(TrustError) {
        pointer = try ssl("sk_X509_new_null", c_gerbang_ssl_sk_X509_new())
        for certificate in certificates where c_gerbang_ssl_sk_X509_push_ref(pointer, certificate.pointer) != 1 {
            c_gerbang_ssl_sk_X509_pop_free(pointer)
            throw TrustError(.internalError, OpenSSLError(call: "sk_X509_push"))
        }
    }

    deinit { c_gerbang_ssl_sk_X509_pop_free(pointer) }
}
