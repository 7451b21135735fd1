import COpenSSL
import Foundation

/// The CRLs in force at one moment, as the OpenSSL stack handed to `X509_STORE_CTX_set0_crls`.
///
/// Owns a `STACK_OF(X509_CRL)` holding one reference per CRL, freed in `deinit`. A set is never
/// changed once built; a reload builds a new one and swaps it in (see `ChainVerifier.reloadCRLs()`),
/// so verifications in flight keep the set they started with alive.
///
/// `@unchecked Sendable`: immutable after `init`. `X509_STORE_CTX_set0_crls` only reads the stack
/// ("set0": the context borrows it), and the CRLs themselves are `Sendable`.
public final class CRLSet: @unchecked Sendable {
    /// The CRLs, in load order.
    public let crls: [CertificateRevocationList]
    /// The owned `STACK_OF(X509_CRL) *`.
    let stack: OpaquePointer
    /// Where they were read from (nil for an in-memory set).
    public let directory: URL?

    /// The file extensions read from a CRL directory.
    public static let fileExtensions: Set<String> = ["pem", "crl", "der"]

    /// A set of the given CRLs.
    public init(_ crls: [CertificateRevocationList], directory: URL? = nil) throws(TrustError) {
        self.crls = crls
        self.directory = directory
        stack = try ssl("sk_X509_CRL_new_null", c_gerbang_ssl_sk_X509_CRL_new())
        for crl in crls where c_gerbang_ssl_sk_X509_CRL_push_ref(stack, crl.pointer) != 1 {
            c_gerbang_ssl_sk_X509_CRL_pop_free(stack)
            throw TrustError(.internalError, OpenSSLError(call: "sk_X509_CRL_push"))
        }
    }

    /// Loads every `*.pem`, `*.crl` and `*.der` file of `directory` (not recursive). A missing
    /// directory gives an empty set; an unreadable or malformed CRL file is an error.
    public convenience init(directory: URL) throws(TrustError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            try self.init([], directory: directory)
            return
        }
        var crls: [CertificateRevocationList] = []
        for name in names.sorted() {
            let url = directory.appendingPathComponent(name)
            guard CRLSet.fileExtensions.contains(url.pathExtension.lowercased()) else { continue }
            do {
                crls.append(try CertificateRevocationList(bytes: readFile(url)))
            } catch {
                throw TrustError(error.reason, "CRL \(url.path): \(error.message)")
            }
        }
        try self.init(crls, directory: directory)
    }

    deinit { c_gerbang_ssl_sk_X509_CRL_pop_free(stack) }
}
