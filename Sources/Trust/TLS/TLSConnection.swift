#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import COpenSSL

/// One TLS connection over a connected TCP socket, with blocking reads and writes: an OpenSSL
/// `SSL` object, freed with `SSL_free` in `deinit`, and the socket, closed after it.
///
/// The connection owns the socket descriptor it is given, on success and on failure alike.
/// SSL_set_fd(3): "a socket BIO is automatically created to interface between the ssl and fd";
/// OpenSSL creates it with `BIO_NOCLOSE`, so the descriptor is not closed by OpenSSL, and
/// SSL_free(3) "also calls the free()ing procedures for indirectly affected items, if applicable:
/// the buffering BIO, the read and write BIOs". Hence: `SSL_free` first (it frees the BIO), then
/// `close` the descriptor.
///
/// Timeouts are the socket's: set `SO_RCVTIMEO`/`SO_SNDTIMEO` before handing the descriptor over;
/// a read or write that times out throws ``TLSError/Reason/timeout``.
///
/// Not `Sendable`: an `SSL` object must not be used by two threads at once (openssl-threads(7)).
/// One thread serves one connection.
public final class TLSConnection {
    /// The owned `SSL *`.
    let pointer: OpaquePointer
    /// The owned socket descriptor.
    public let descriptor: Int32
    /// Keeps the `SSL_CTX` and its verification state alive as long as the connection.
    let context: TLSContext
    /// The client's verified certificate chain (and so its agency), on a server connection.
    public let peer: VerifiedChain?

    private init(pointer: OpaquePointer, descriptor: Int32, context: TLSContext, peer: VerifiedChain?) {
        self.pointer = pointer
        self.descriptor = descriptor
        self.context = context
        self.peer = peer
    }

    deinit {
        SSL_free(pointer)
        close(descriptor)
    }

    /// Runs the server side of the handshake on an accepted socket; the client must present a
    /// certificate that the context's ``ChainVerifier`` accepts (``peer`` tells its agency).
    ///
    /// - Throws: ``TLSError/Reason/peerRejected`` (no certificate, or a refused one),
    ///   ``TLSError/Reason/handshakeFailed``, ``TLSError/Reason/timeout``.
    public static func accept(descriptor: Int32, context: TLSContext) throws(TLSError) -> TLSConnection {
        let ssl = try makeSSL(descriptor: descriptor, context: context)
        let result = SSL_accept(ssl)
        guard result == 1 else {
            let error = handshakeError(ssl, result: result)
            SSL_free(ssl)
            close(descriptor)
            throw error
        }
        let peer: VerifiedChain?
        do {
            peer = try verifiedPeer(ssl, context: context)
        } catch {
            SSL_free(ssl)
            close(descriptor)
            throw error
        }
        return TLSConnection(pointer: ssl, descriptor: descriptor, context: context, peer: peer)
    }

    /// Runs the client side of the handshake on a connected socket, verifying the server's chain
    /// against the context's trust anchors and its certificate against `serverName` (a DNS name,
    /// or an IPv4/IPv6 address matched against the certificate's IP address SANs).
    public static func connect(descriptor: Int32, serverName: String, context: TLSContext) throws(TLSError) -> TLSConnection {
        let ssl = try makeSSL(descriptor: descriptor, context: context)
        let isAddress = isIPAddress(serverName)
        let named = if isAddress {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), serverName) == 1
        } else {
            // SSL_set1_host(3): the certificate must match this DNS name; the SNI extension names it too.
            SSL_set1_host(ssl, serverName) == 1 && c_gerbang_ssl_set_tlsext_host_name(ssl, serverName) == 1
        }
        guard named else {
            let error = TLSError(.configuration, "cannot expect the server name \(serverName)", openSSL: OpenSSLError(call: "SSL_set1_host"))
            SSL_free(ssl)
            close(descriptor)
            throw error
        }
        let result = SSL_connect(ssl)
        guard result == 1 else {
            let error = handshakeError(ssl, result: result)
            SSL_free(ssl)
            close(descriptor)
            throw error
        }
        return TLSConnection(pointer: ssl, descriptor: descriptor, context: context, peer: nil)
    }

    /// Reads up to `maximumCount` bytes; an empty result means the peer closed the connection.
    public func read(maximumCount: Int = 16_384) throws(TLSError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximumCount)
        let count = buffer.withUnsafeMutableBytes { SSL_read(pointer, $0.baseAddress, Int32($0.count)) }
        if count > 0 { return Array(buffer[0..<Int(count)]) }
        let code = SSL_get_error(pointer, count)
        if code == SSL_ERROR_ZERO_RETURN { return [] }
        throw Self.ioError(code, operation: "SSL_read")
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(TLSError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                SSL_write(pointer, buffer.baseAddress! + offset, Int32(buffer.count - offset))
            }
            guard written > 0 else { throw Self.ioError(SSL_get_error(pointer, written), operation: "SSL_write") }
            offset += Int(written)
        }
    }

    /// Sends close_notify (best effort; the socket is closed when the connection is released).
    public func shutdown() {
        _ = SSL_shutdown(pointer)
        ERR_clear_error()
    }

    // MARK: - Helpers

    private static func makeSSL(descriptor: Int32, context: TLSContext) throws(TLSError) -> OpaquePointer {
        ERR_clear_error()
        guard let ssl = SSL_new(context.pointer) else {
            close(descriptor)
            throw TLSError(.configuration, "SSL_new failed", openSSL: OpenSSLError(call: "SSL_new"))
        }
        guard SSL_set_fd(ssl, descriptor) == 1 else {
            let error = TLSError(.configuration, "SSL_set_fd failed", openSSL: OpenSSLError(call: "SSL_set_fd"))
            SSL_free(ssl)
            close(descriptor)
            throw error
        }
        return ssl
    }

    /// The client chain the verification callback accepted, verified again from the cache to
    /// learn its agency.
    private static func verifiedPeer(_ ssl: OpaquePointer, context: TLSContext) throws(TLSError) -> VerifiedChain? {
        guard let check = context.peerCheck else { return nil }
        // SSL_get1_peer_certificate(3): "the reference count of the X509 object is incremented by
        // one, so that it will not be destroyed when the session containing the peer certificate
        // is freed. The X509 object must be explicitly freed" — `taking` owns that reference.
        guard let leafPointer = SSL_get1_peer_certificate(ssl) else {
            throw TLSError(.peerRejected, "the client presented no certificate")
        }
        let leaf = Certificate(taking: leafPointer)
        var presented: [Certificate] = []
        // SSL_get_peer_cert_chain(3): borrowed, valid while the session is; on the server side
        // it does not include the leaf.
        if let chain = SSL_get_peer_cert_chain(ssl) {
            for index in 0..<c_gerbang_ssl_sk_X509_num(chain) {
                if let certificate = c_gerbang_ssl_sk_X509_value(chain, index) { presented.append(Certificate(sharing: certificate)) }
            }
        }
        do {
            return try check.verifier.verify(leaf: leaf, presented: presented)
        } catch {
            throw TLSError(.peerRejected, "the client certificate was refused", peerRejection: error)
        }
    }

    /// The error of a failed `SSL_accept`/`SSL_connect`, read right after the call.
    private static func handshakeError(_ ssl: OpaquePointer, result: Int32) -> TLSError {
        let code = SSL_get_error(ssl, result)
        let firstReason = c_gerbang_ssl_error_reason(ERR_peek_error())
        let verifyResult = SSL_get_verify_result(ssl)
        let openSSL = OpenSSLError(call: "SSL_do_handshake")
        if firstReason == c_gerbang_ssl_reason_no_peer_certificate() || firstReason == c_gerbang_ssl_reason_certificate_required() {
            return TLSError(.peerRejected, "no client certificate was presented", openSSL: openSSL)
        }
        if verifyResult != Int(X509_V_OK) {
            let text = String(cString: X509_verify_cert_error_string(verifyResult))
            return TLSError(.peerRejected, "the peer's certificate was refused: \(text)", openSSL: openSSL)
        }
        switch code {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return TLSError(.timeout, "the handshake timed out", openSSL: openSSL)
        case SSL_ERROR_SYSCALL where errno == EAGAIN || errno == EWOULDBLOCK:
            return TLSError(.timeout, "the handshake timed out", openSSL: openSSL)
        case SSL_ERROR_SYSCALL, SSL_ERROR_ZERO_RETURN:
            return TLSError(.closed, "the peer closed the connection during the handshake", openSSL: openSSL)
        default:
            return TLSError(.handshakeFailed, "the TLS handshake failed", openSSL: openSSL)
        }
    }

    /// The error of a failed `SSL_read`/`SSL_write`, read right after the call.
    private static func ioError(_ code: Int32, operation: StaticString) -> TLSError {
        let savedErrno = errno
        let openSSL = OpenSSLError(call: "\(operation)")
        switch code {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return TLSError(.timeout, "\(operation) timed out", openSSL: openSSL)
        case SSL_ERROR_SYSCALL where savedErrno == EAGAIN || savedErrno == EWOULDBLOCK:
            return TLSError(.timeout, "\(operation) timed out", openSSL: openSSL)
        case SSL_ERROR_SYSCALL:
            return TLSError(.io, "\(operation) failed: errno \(savedErrno)", openSSL: openSSL)
        default:
            return TLSError(.closed, "\(operation) failed", openSSL: openSSL)
        }
    }

    /// Whether `text` is an IPv4 or IPv6 address (rather than a DNS name).
    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
