import Foundation

extension ChainVerifier {
    /// Verifies the certificate of a Gerbang service (a broker signing its audit checkpoints):
    /// the chain to a trust anchor at `time`, revocation as configured, not a CA, keyUsage
    /// digitalSignature, and a URI SAN starting with `uriPrefix` (e.g.
    /// `urn:gerbang:broker:`). No agency binding: a service certificate names no agency.
    ///
    /// - Returns: the matching URI SAN (e.g. `urn:gerbang:broker:gerbangd`).
    /// - Throws: `TrustError` with the first failing check's reason; `trust.no-agency` when the
    ///   certificate has no URI SAN with the prefix.
    public func verifyServiceCertificate(leaf: Certificate, presented: [Certificate] = [], uriPrefix: String,
                                         at time: Date) throws(TrustError) -> String {
        let crls = state.withLock { $0.crls }
        _ = try verifiedPath(leaf: leaf, presented: presented, at: time, crls: crls)
        guard let name = leaf.uriSubjectAlternativeNames.first(where: { $0.hasPrefix(uriPrefix) }) else {
            throw TrustError(.noAgency, "the certificate \(leaf.subject) has no URI SAN starting with \(uriPrefix)")
        }
        return name
    }
}
