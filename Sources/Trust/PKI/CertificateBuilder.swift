import COpenSSL
import Foundation

/// Builds and signs X.509 v3 certificates: the development CAs of `gerbang pki` and agency
/// certificates (and, in tests, deliberately defective ones).
///
/// `Sendable`: a value type of `Sendable` parts.
public struct CertificateBuilder: Sendable {
    /// Subject attributes in order, as OpenSSL short names (`C`, `O`, `CN`, `organizationIdentifier`).
    public var subject: [(field: String, value: String)]
    /// The key the certificate certifies.
    public var publicKey: PublicKey
    /// Start of validity.
    public var notBefore: Date
    /// End of validity.
    public var notAfter: Date
    /// Whether basicConstraints says CA:TRUE (always marked critical).
    public var isCA: Bool
    /// The CA's pathLenConstraint (ignored for non-CAs).
    public var pathLength: Int?
    /// The keyUsage value in OpenSSL's configuration syntax, e.g. `critical,digitalSignature`.
    public var keyUsage: String?
    /// URI subject alternative names, e.g. `urn:gerbang:agency:dukcapil`.
    public var uriSubjectAlternativeNames: [String]
    /// DNS subject alternative names (TLS server certificates), e.g. `localhost`.
    public var dnsSubjectAlternativeNames: [String] = []
    /// IP address subject alternative names (TLS server certificates), e.g. `127.0.0.1`.
    public var ipSubjectAlternativeNames: [String] = []
    /// The extendedKeyUsage value in OpenSSL's configuration syntax (e.g. `serverAuth`), or nil.
    public var extendedKeyUsage: String?

    /// A builder for an end-entity signing certificate valid for `days` from now.
    public init(subject: [(field: String, value: String)], publicKey: PublicKey, validForDays days: Int = 365) {
        self.subject = subject
        self.publicKey = publicKey
        self.notBefore = Date().addingTimeInterval(-300)
        self.notAfter = Date().addingTimeInterval(TimeInterval(days) * 86_400)
        self.isCA = false
        self.pathLength = nil
        self.keyUsage = "critical,digitalSignature"
        self.uriSubjectAlternativeNames = []
    }

    /// Signs the certificate with `issuerKey`; `issuer` is the issuing CA's certificate, or nil
    /// for a self-signed certificate (then `issuerKey` must be the key being certified).
    public func sign(issuer: Certificate?, issuerKey: PrivateKey) throws(TrustError) -> Certificate {
        let owned = Certificate(taking: try ssl("X509_new", X509_new()))
        let x509 = owned.pointer
        try ssl("X509_set_version", X509_set_version(x509, 2))
        try ssl("ASN1_INTEGER_set_uint64", ASN1_INTEGER_set_uint64(X509_get_serialNumber(x509), CertificateBuilder.randomSerial()))

        let name = try CertificateBuilder.name(subject)
        defer { X509_NAME_free(name) }
        try ssl("X509_set_subject_name", X509_set_subject_name(x509, name))
        try ssl("X509_set_issuer_name", X509_set_issuer_name(x509, issuer.map { X509_get_subject_name($0.pointer) } ?? name))
        guard ASN1_TIME_set(X509_getm_notBefore(x509), time_t(notBefore.timeIntervalSince1970)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(x509), time_t(notAfter.timeIntervalSince1970)) != nil else {
            throw TrustError(.internalError, OpenSSLError(call: "ASN1_TIME_set"))
        }
        try ssl("X509_set_pubkey", X509_set_pubkey(x509, publicKey.handle.pointer))

        var extensions: [(Int32, String)] = []
        if isCA {
            extensions.append((NID_basic_constraints, "critical,CA:TRUE" + (pathLength.map { ",pathlen:\($0)" } ?? "")))
        } else {
            extensions.append((NID_basic_constraints, "critical,CA:FALSE"))
        }
        if let keyUsage { extensions.append((NID_key_usage, keyUsage)) }
        extensions.append((NID_subject_key_identifier, "hash"))
        extensions.append((NID_authority_key_identifier, "keyid:always"))
        if let extendedKeyUsage { extensions.append((NID_ext_key_usage, extendedKeyUsage)) }
        let alternativeNames = uriSubjectAlternativeNames.map { "URI:\($0)" } + dnsSubjectAlternativeNames.map { "DNS:\($0)" }
            + ipSubjectAlternativeNames.map { "IP:\($0)" }
        if !alternativeNames.isEmpty {
            extensions.append((NID_subject_alt_name, alternativeNames.joined(separator: ",")))
        }
        var context = X509V3_CTX()
        c_gerbang_ssl_x509v3_ctx_nodb(&context)
        X509V3_set_ctx(&context, issuer?.pointer ?? x509, x509, nil, nil, 0)
        for (nid, value) in extensions {
            let ext = try ssl("X509V3_EXT_conf_nid", X509V3_EXT_conf_nid(nil, &context, nid, value))
            defer { X509_EXTENSION_free(ext) }
            try ssl("X509_add_ext", X509_add_ext(x509, ext, -1))
        }
        let digest = issuerKey.type == .ed25519 ? nil : EVP_sha256()
        guard X509_sign(x509, issuerKey.handle.pointer, digest) > 0 else {
            throw TrustError(.internalError, OpenSSLError(call: "X509_sign"))
        }
        return owned
    }

    /// A random positive 63-bit serial number (RFC 5280 §4.1.2.2 allows up to 20 octets).
    static func randomSerial() throws(TrustError) -> UInt64 {
        var bytes = [UInt8](repeating: 0, count: 8)
        try ssl("RAND_bytes", RAND_bytes(&bytes, Int32(bytes.count)))
        let value = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } & 0x7FFF_FFFF_FFFF_FFFF
        return max(value, 1)
    }

    /// An owned `X509_NAME` (free with `X509_NAME_free`) from attributes.
    static func name(_ attributes: [(field: String, value: String)]) throws(TrustError) -> OpaquePointer {
        let name = try ssl("X509_NAME_new", X509_NAME_new())
        for (field, value) in attributes {
            let added = X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, value, -1, -1, 0)
            guard added == 1 else {
                X509_NAME_free(name)
                throw TrustError(.internalError, OpenSSLError(call: "X509_NAME_add_entry_by_txt(\(field))"))
            }
        }
        return name
    }
}
