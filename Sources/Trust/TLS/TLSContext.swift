import COpenSSL
import Logging

/// The configuration shared by many TLS connections: one OpenSSL `SSL_CTX`, freed with
/// `SSL_CTX_free` in `deinit`.
///
/// - A **server** context presents a certificate chain and *requires* a client certificate, which
///   it verifies with a ``ChainVerifier`` (trust anchors, intermediates, CRLs, and the agency the
///   certificate is bound to by its URI SAN `urn:gerbang:agency:<id>`): the same checks as a
///   message signer's certificate, so an agency proves who it is with the certificate it signs with.
/// - A **client** context verifies the server against configured trust anchors (and its host name
///   or IP address, see ``TLSConnection/connect(descriptor:serverName:context:)``), and may present
///   a client certificate.
///
/// TLS 1.2 is the minimum version.
///
/// `@unchecked Sendable`: the context is configured completely before `init` returns and never
/// changed afterwards; OpenSSL allows one `SSL_CTX` to create connections on many threads at once
/// (openssl-threads(7): "an SSL_CTX ... can be used by multiple threads to create SSL objects as
/// long as the SSL_CTX is not modified"). The verification callback's state is a `Sendable` object.
public final class TLSContext: @unchecked Sendable {
    /// The owned `SSL_CTX *`.
    let pointer: OpaquePointer
    /// The client-certificate check the verification callback calls (server contexts). The
    /// callback receives it as an unretained pointer, so this reference keeps it alive as long as
    /// the `SSL_CTX`: `SSL_new` takes a reference to the `SSL_CTX`, and every ``TLSConnection``
    /// holds this object, so the context outlives its connections.
    let peerCheck: PeerCertificateCheck?

    private init(method: OpaquePointer, peerCheck: PeerCertificateCheck?) throws(TLSError) {
        guard let context = SSL_CTX_new(method) else {
            throw TLSError(.configuration, "SSL_CTX_new failed", openSSL: OpenSSLError(call: "SSL_CTX_new"))
        }
        pointer = context
        self.peerCheck = peerCheck
        guard c_gerbang_ssl_ctx_set_min_proto_version(context, c_gerbang_ssl_tls1_2_version()) == 1 else {
            throw TLSError(.configuration, "cannot require TLS 1.2", openSSL: OpenSSLError(call: "SSL_CTX_set_min_proto_version"))
        }
        c_gerbang_ssl_ctx_ignore_unexpected_eof(context)
    }

    deinit { SSL_CTX_free(pointer) }

    /// A server context presenting `certificateChain` (leaf first, then intermediates) with
    /// `privateKey`, that requires every client to present a certificate `clientVerifier` accepts.
    ///
    /// - Parameter logger: receives refused client certificates at `info` (reason and subject).
    public static func server(certificateChain: [Certificate], privateKey: PrivateKey, clientVerifier: ChainVerifier,
                              logger: Logger = Logger(label: "gerbang.tls")) throws(TLSError) -> TLSContext {
        guard let method = TLS_server_method() else {
            throw TLSError(.configuration, "TLS_server_method failed", openSSL: OpenSSLError(call: "TLS_server_method"))
        }
        let check = PeerCertificateCheck(verifier: clientVerifier, logger: logger)
        let context = try TLSContext(method: method, peerCheck: check)
        try context.use(certificateChain: certificateChain, privateKey: privateKey)
        // SSL_CTX_set_verify(3): with SSL_VERIFY_PEER the server sends a client certificate
        // request; SSL_VERIFY_FAIL_IF_NO_PEER_CERT makes the handshake fail without one.
        SSL_CTX_set_verify(context.pointer, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        // SSL_CTX_set_cert_verify_callback(3): the callback replaces OpenSSL's chain verification
        // and "should return 1 to indicate verification success and 0 to indicate verification
        // failure"; the error must be set in the X509_STORE_CTX either way.
        SSL_CTX_set_cert_verify_callback(context.pointer, { storeContext, argument in
            guard let storeContext, let argument else { return 0 }
            let check = Unmanaged<PeerCertificateCheck>.fromOpaque(argument).takeUnretainedValue()
            return check.verify(storeContext) ? 1 : 0
        }, Unmanaged.passUnretained(check).toOpaque())
        return context
    }

    /// A client context that accepts servers whose certificate chains to one of `trustAnchors`,
    /// presenting `certificateChain` with `privateKey` when both are given (mutual TLS).
    public static func client(trustAnchors: [Certificate], certificateChain: [Certificate] = [],
                              privateKey: PrivateKey? = nil) throws(TLSError) -> TLSContext {
        guard !trustAnchors.isEmpty else { throw TLSError(.configuration, "a TLS client needs at least one trust anchor") }
        guard let method = TLS_client_method() else {
            throw TLSError(.configuration, "TLS_client_method failed", openSSL: OpenSSLError(call: "TLS_client_method"))
        }
        let context = try TLSContext(method: method, peerCheck: nil)
        // SSL_CTX_get_cert_store(3): the store is owned by the SSL_CTX; X509_STORE_add_cert takes
        // its own reference to each certificate.
        let store = SSL_CTX_get_cert_store(context.pointer)
        for anchor in trustAnchors where X509_STORE_add_cert(store, anchor.pointer) != 1 {
            throw TLSError(.configuration, "cannot add a trust anchor", openSSL: OpenSSLError(call: "X509_STORE_add_cert"))
        }
        SSL_CTX_set_verify(context.pointer, SSL_VERIFY_PEER, nil)
        if let privateKey, !certificateChain.isEmpty {
            try context.use(certificateChain: certificateChain, privateKey: privateKey)
        }
        return context
    }

    /// Installs the certificate chain and key this side presents.
    private func use(certificateChain: [Certificate], privateKey: PrivateKey) throws(TLSError) {
        guard let leaf = certificateChain.first else { throw TLSError(.configuration, "the certificate chain is empty") }
        // SSL_CTX_use_certificate(3) and SSL_CTX_use_PrivateKey(3) take their own references;
        // SSL_CTX_add1_chain_cert "add1" likewise (the caller keeps its reference).
        guard SSL_CTX_use_certificate(pointer, leaf.pointer) == 1 else {
            throw TLSError(.configuration, "the certificate is unusable", openSSL: OpenSSLError(call: "SSL_CTX_use_certificate"))
        }
        for intermediate in certificateChain.dropFirst() where c_gerbang_ssl_ctx_add1_chain_cert(pointer, intermediate.pointer) != 1 {
            throw TLSError(.configuration, "an intermediate certificate is unusable", openSSL: OpenSSLError(call: "SSL_CTX_add1_chain_cert"))
        }
        guard SSL_CTX_use_PrivateKey(pointer, privateKey.handle.pointer) == 1 else {
            throw TLSError(.configuration, "the private key is unusable", openSSL: OpenSSLError(call: "SSL_CTX_use_PrivateKey"))
        }
        guard SSL_CTX_check_private_key(pointer) == 1 else {
            throw TLSError(.configuration, "the private key does not match the certificate", openSSL: OpenSSLError(call: "SSL_CTX_check_private_key"))
        }
    }
}
