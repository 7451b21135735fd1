import COpenSSL
import Foundation

/// An X.509 certificate, loaded from PEM or DER.
///
/// Owns one OpenSSL `X509` and frees it with `X509_free` in `deinit`.
///
/// `@unchecked Sendable` because the certificate is never modified after it is loaded: Gerbang only
/// reads it and hands it to `X509_verify_cert` through per-call contexts. OpenSSL does cache derived
/// data inside an `X509` (extension flags, the DER encoding) on first read, but does so under the
/// object's own lock; openssl-threads(7) (OpenSSL 3.0): "X509_cmp(3) takes pointers to const
/// objects, but the implementation uses a C cast to remove that so it can lock objects, generate
/// and cache a DER encoding [...] Objects are thread-safe as long as the API's being invoked don't
/// modify the object."
public final class Certificate: @unchecked Sendable {
    /// The owned `X509 *`.
    let pointer: OpaquePointer

    /// Takes ownership of one reference to `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Shares `pointer`, taking a new reference to it.
    convenience init(sharing pointer: OpaquePointer) {
        X509_up_ref(pointer)
        self.init(taking: pointer)
    }

    deinit { X509_free(pointer) }

    /// Loads the first certificate of a PEM document.
    public convenience init(pem: some Collection<UInt8>) throws(TrustError) {
        let bio = try MemoryBIO(bytes: pem)
        self.init(taking: try ssl("PEM_read_bio_X509", PEM_read_bio_X509(bio.pointer, nil, nil, nil), as: .malformedKey))
    }

    /// Loads a DER certificate.
    public convenience init(der: some Collection<UInt8>) throws(TrustError) {
        let bytes = Array(der)
        let certificate = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        self.init(taking: try ssl("d2i_X509", certificate, as: .malformedKey))
    }

    /// Every certificate of a PEM document (a chain file), in file order.
    public static func all(pem: some Collection<UInt8>) throws(TrustError) -> [Certificate] {
        let bio = try MemoryBIO(bytes: pem)
        var certificates: [Certificate] = []
        while let next = PEM_read_bio_X509(bio.pointer, nil, nil, nil) {
            certificates.append(Certificate(taking: next))
        }
        ERR_clear_error() // the read past the last certificate leaves "no start line"
        guard !certificates.isEmpty else { throw TrustError(.malformedKey, "no PEM certificate found") }
        return certificates
    }

    /// Loads every certificate of a PEM or DER file.
    public static func load(contentsOf url: URL) throws(TrustError) -> [Certificate] {
        let bytes = try readFile(url)
        if bytes.starts(with: Array("-----".utf8)) || String(decoding: bytes.prefix(4096), as: UTF8.self).contains("-----BEGIN") {
            return try all(pem: bytes)
        }
        return [try Certificate(der: bytes)]
    }

    /// The DER encoding.
    public var der: [UInt8] {
        (try? encodeDER("i2d_X509") { i2d_X509(pointer, $0) }) ?? []
    }

    /// The PEM encoding (`-----BEGIN CERTIFICATE-----`).
    public func pem() throws(TrustError) -> String {
        let bio = try MemoryBIO()
        try ssl("PEM_write_bio_X509", PEM_write_bio_X509(bio.pointer, pointer))
        return String(decoding: bio.bytes, as: UTF8.self)
    }

    /// SHA-256 of the DER encoding: the JWS `x5t#S256` thumbprint, before base64url.
    public var sha256Thumbprint: [UInt8] {
        (try? Digest.sha256(der)) ?? []
    }

    /// The subject as an RFC 2253 string (e.g. `CN=Dukcapil,O=Kemendagri,C=ID`).
    public var subject: String { Certificate.format(X509_get_subject_name(pointer)) }

    /// The issuer as an RFC 2253 string.
    public var issuer: String { Certificate.format(X509_get_issuer_name(pointer)) }

    /// The serial number in upper-case hexadecimal.
    public var serialHex: String {
        guard let serial = X509_get0_serialNumber(pointer), let number = ASN1_INTEGER_to_BN(serial, nil) else { return "" }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { c_gerbang_ssl_free(hex) }
        return String(cString: hex)
    }

    /// Start of the validity period.
    public var notBefore: Date { Certificate.date(X509_get0_notBefore(pointer)) }

    /// End of the validity period.
    public var notAfter: Date { Certificate.date(X509_get0_notAfter(pointer)) }

    /// The subject public key.
    public func publicKey() throws(TrustError) -> PublicKey {
        let key = try ssl("X509_get_pubkey", X509_get_pubkey(pointer), as: .unsupportedKey)
        return PublicKey(handle: try KeyHandle(taking: key))
    }

    /// Whether the certificate has a keyUsage extension that allows digitalSignature.
    public var allowsDigitalSignature: Bool {
        let usage = X509_get_key_usage(pointer)
        return usage != UInt32.max && usage & UInt32(KU_DIGITAL_SIGNATURE) != 0
    }

    /// Whether basicConstraints marks the certificate as a CA.
    public var isCA: Bool { X509_check_ca(pointer) != 0 }

    /// Whether the subject and issuer are the same and the certificate verifies with its own key.
    public var isSelfSigned: Bool { X509_self_signed(pointer, 1) == 1 }

    /// The URI subject alternative names (at most 32 are read).
    public var uriSubjectAlternativeNames: [String] {
        let capacity: Int32 = 32
        var strings = [UnsafeMutablePointer<CChar>?](repeating: nil, count: Int(capacity))
        let count = c_gerbang_ssl_uri_sans(pointer, &strings, capacity)
        guard count > 0 else { return [] }
        return strings.prefix(Int(min(count, capacity))).compactMap { string in
            guard let string else { return nil }
            defer { c_gerbang_ssl_free(string) }
            return String(cString: string)
        }
    }

    /// The subject's organizationIdentifier (OID 2.5.4.97) values.
    public var organizationIdentifiers: [String] {
        guard let name = X509_get_subject_name(pointer) else { return [] }
        var values: [String] = []
        var index: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, NID_organizationIdentifier, index)
            guard index >= 0, let entry = X509_NAME_get_entry(name, index),
                  let data = X509_NAME_ENTRY_get_data(entry) else { break }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, data)
            if length >= 0, let utf8 {
                values.append(String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self))
                c_gerbang_ssl_free(utf8)
            }
        }
        return values
    }

    static func format(_ name: OpaquePointer?) -> String {
        guard let name, let bio = try? MemoryBIO() else { return "" }
        X509_NAME_print_ex(bio.pointer, name, 0, c_gerbang_ssl_name_flags_rfc2253())
        return String(decoding: bio.bytes, as: UTF8.self)
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return .distantPast }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}

extension Certificate: Equatable, Hashable {
    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { X509_cmp(lhs.pointer, rhs.pointer) == 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(sha256Thumbprint) }
}

extension Certificate {
    /// Whether this certificate's signature verifies with `issuer`'s public key.
    public func isSigned(by issuer: Certificate) throws(TrustError) -> Bool {
        let key = try issuer.publicKey()
        let result = X509_verify(pointer, key.handle.pointer)
        ERR_clear_error()
        return result == 1
    }
}
