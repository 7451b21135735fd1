import COpenSSL
import Foundation

/// An X.509 certificate revocation list (CRL), loaded from PEM or DER.
///
/// Owns one OpenSSL `X509_CRL` and frees it with `X509_CRL_free` in `deinit`.
///
/// `@unchecked Sendable` for the same reason as `Certificate`: it is never modified after loading
/// and only read (OpenSSL caches derived data under the object's lock; openssl-threads(7):
/// "Objects are thread-safe as long as the API's being invoked don't modify the object").
public final class CertificateRevocationList: @unchecked Sendable {
    /// The owned `X509_CRL *`.
    let pointer: OpaquePointer

    /// Takes ownership of one reference to `pointer`.
    init(taking pointer: OpaquePointer) { self.pointer = pointer }

    deinit { X509_CRL_free(pointer) }

    /// Loads a PEM (`-----BEGIN X509 CRL-----`) or DER CRL.
    public convenience init(bytes: some Collection<UInt8>) throws(TrustError) {
        let array = Array(bytes)
        if String(decoding: array.prefix(4096), as: UTF8.self).contains("-----BEGIN") {
            let bio = try MemoryBIO(bytes: array)
            self.init(taking: try ssl("PEM_read_bio_X509_CRL", PEM_read_bio_X509_CRL(bio.pointer, nil, nil, nil), as: .malformedKey))
        } else {
            let crl = array.withUnsafeBufferPointer { buffer -> OpaquePointer? in
                var cursor = buffer.baseAddress
                return d2i_X509_CRL(nil, &cursor, buffer.count)
            }
            self.init(taking: try ssl("d2i_X509_CRL", crl, as: .malformedKey))
        }
    }

    /// The issuing CA's name, RFC 2253.
    public var issuer: String { Certificate.format(X509_CRL_get_issuer(pointer)) }

    /// When the CRL was issued.
    public var lastUpdate: Date { Certificate.date(X509_CRL_get0_lastUpdate(pointer)) }

    /// When the next CRL is due (nil when the CRL does not say).
    public var nextUpdate: Date? {
        X509_CRL_get0_nextUpdate(pointer).map { Certificate.date($0) }
    }

    /// The revoked serial numbers, upper-case hexadecimal.
    public var revokedSerials: [String] {
        let revoked = X509_CRL_get_REVOKED(pointer)
        return (0..<c_gerbang_ssl_sk_X509_REVOKED_num(revoked)).compactMap { index in
            guard let entry = c_gerbang_ssl_sk_X509_REVOKED_value(revoked, index),
                  let serial = X509_REVOKED_get0_serialNumber(entry),
                  let number = ASN1_INTEGER_to_BN(serial, nil) else { return nil }
            defer { BN_free(number) }
            guard let hex = BN_bn2hex(number) else { return nil }
            defer { c_gerbang_ssl_free(hex) }
            return String(cString: hex)
        }
    }

    /// The PEM encoding.
    public func pem() throws(TrustError) -> String {
        let bio = try MemoryBIO()
        try ssl("PEM_write_bio_X509_CRL", PEM_write_bio_X509_CRL(bio.pointer, pointer))
        return String(decoding: bio.bytes, as: UTF8.self)
    }
}
