import COpenSSL
import Foundation

/// Builds and signs a CRL for one CA.
///
/// `Sendable`: a value type.
public struct CRLBuilder: Sendable {
    /// A revoked certificate.
    public struct Entry: Sendable, Hashable {
        /// Serial number, hexadecimal.
        public var serialHex: String
        /// When it was revoked.
        public var revokedAt: Date

        /// Creates an entry.
        public init(serialHex: String, revokedAt: Date) {
            self.serialHex = serialHex
            self.revokedAt = revokedAt
        }
    }

    /// The revoked certificates.
    public var entries: [Entry]
    /// Issue time (default now).
    public var lastUpdate: Date
    /// When verifiers should expect the next CRL; past it, the CRL is `trust.crl-invalid`.
    public var nextUpdate: Date

    /// A CRL listing `entries`, valid for `days` from now.
    public init(entries: [Entry], validForDays days: Int = 30) {
        self.entries = entries
        self.lastUpdate = Date().addingTimeInterval(-60)
        self.nextUpdate = Date().addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// Signs the CRL as `issuer` with `issuerKey`.
    public func sign(issuer: Certificate, issuerKey: PrivateKey) throws(TrustError) -> CertificateRevocationList {
        let owned = CertificateRevocationList(taking: try ssl("X509_CRL_new", X509_CRL_new()))
        let crl = owned.pointer
        try ssl("X509_CRL_set_version", X509_CRL_set_version(crl, 1))
        try ssl("X509_CRL_set_issuer_name", X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuer.pointer)))
        try CRLBuilder.withTime(lastUpdate) { time throws(TrustError) in
            try ssl("X509_CRL_set1_lastUpdate", X509_CRL_set1_lastUpdate(crl, time))
        }
        try CRLBuilder.withTime(nextUpdate) { time throws(TrustError) in
            try ssl("X509_CRL_set1_nextUpdate", X509_CRL_set1_nextUpdate(crl, time))
        }
        for entry in entries {
            let revoked = try ssl("X509_REVOKED_new", X509_REVOKED_new())
            do throws(TrustError) {
                var number: OpaquePointer?
                guard BN_hex2bn(&number, entry.serialHex) > 0, let number else {
                    throw TrustError(.configuration, "serial \"\(entry.serialHex)\" is not hexadecimal")
                }
                defer { BN_free(number) }
                let serial = try ssl("BN_to_ASN1_INTEGER", BN_to_ASN1_INTEGER(number, nil))
                defer { ASN1_INTEGER_free(serial) }
                try ssl("X509_REVOKED_set_serialNumber", X509_REVOKED_set_serialNumber(revoked, serial))
                try CRLBuilder.withTime(entry.revokedAt) { time throws(TrustError) in
                    try ssl("X509_REVOKED_set_revocationDate", X509_REVOKED_set_revocationDate(revoked, time))
                }
                try ssl("X509_CRL_add0_revoked", X509_CRL_add0_revoked(crl, revoked))
            } catch {
                X509_REVOKED_free(revoked)
                throw error
            }
        }
        try ssl("X509_CRL_sort", X509_CRL_sort(crl))
        let digest = issuerKey.type == .ed25519 ? nil : EVP_sha256()
        guard X509_CRL_sign(crl, issuerKey.handle.pointer, digest) > 0 else {
            throw TrustError(.internalError, OpenSSLError(call: "X509_CRL_sign"))
        }
        return owned
    }

    /// Runs `body` with a temporary `ASN1_TIME` for `date`.
    static func withTime(_ date: Date, _ body: (UnsafeMutablePointer<ASN1_TIME>) throws(TrustError) -> Void) throws(TrustError) {
        let time = try ssl("ASN1_TIME_set", ASN1_TIME_set(nil, time_t(date.timeIntervalSince1970)))
        defer { ASN1_TIME_free(time) }
        try body(time)
    }
}
