/// How an agency is named in certificates and in event `source` attributes.
///
/// - Certificate: a URI subject alternative name `urn:gerbang:agency:<id>` (preferred), otherwise
///   the subject's organizationIdentifier (OID 2.5.4.97) holding `<id>` or `urn:gerbang:agency:<id>`.
///   When a URI SAN names the agency, organizationIdentifier is not consulted.
/// - Event `source`: `urn:gerbang:agency:<id>` optionally followed by `:<anything>`, or a URI
///   reference whose path starts with `/agencies/<id>` (optionally followed by `/<anything>`),
///   e.g. `/agencies/dukcapil/siak` or `https://gerbang.go.id/agencies/dukcapil`.
public enum AgencyIdentity {
    /// The URN prefix that names an agency.
    public static let urnPrefix = "urn:gerbang:agency:"

    /// The URN naming agency `id`.
    public static func urn(_ id: String) -> String { urnPrefix + id }

    /// The agency a certificate names, per the precedence above.
    ///
    /// Throws `trust.no-agency` when it names none, `trust.agency-ambiguous` when its URI SANs (or,
    /// without those, its organizationIdentifiers) name more than one.
    public static func agencyID(of certificate: Certificate) throws(TrustError) -> String {
        let fromSANs = Set(certificate.uriSubjectAlternativeNames.compactMap(agencyID(urn:)))
        if fromSANs.count > 1 {
            throw TrustError(.agencyAmbiguous, "the certificate's URI SANs name several agencies: \(fromSANs.sorted().joined(separator: ", "))")
        }
        if let id = fromSANs.first { return id }
        let fromOrganization = Set(certificate.organizationIdentifiers.compactMap { value in
            Agency.isValidID(value) ? value : agencyID(urn: value)
        })
        if fromOrganization.count > 1 {
            throw TrustError(.agencyAmbiguous, "the certificate's organizationIdentifiers name several agencies")
        }
        if let id = fromOrganization.first { return id }
        throw TrustError(.noAgency, "the certificate names no agency (no \(urnPrefix)<id> URI SAN, no organizationIdentifier)")
    }

    /// The id in `urn:gerbang:agency:<id>` (exactly, no suffix), or nil.
    static func agencyID(urn: String) -> String? {
        guard urn.lowercased().hasPrefix(urnPrefix) else { return nil }
        let id = String(urn.dropFirst(urnPrefix.count))
        return Agency.isValidID(id) ? id : nil
    }

    /// The agency an event `source` names, or nil when it names none (see the type's documentation).
    public static func agencyID(source: String) -> String? {
        if source.lowercased().hasPrefix(urnPrefix) {
            let rest = source.dropFirst(urnPrefix.count)
            let id = String(rest.prefix(while: { $0 != ":" }))
            return Agency.isValidID(id) ? id : nil
        }
        var path = Substring(source)
        if let scheme = path.range(of: "://") {
            let afterScheme = path[scheme.upperBound...]
            guard let slash = afterScheme.firstIndex(of: "/") else { return nil }
            path = afterScheme[slash...]
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard path.hasPrefix("/agencies/"), segments.count >= 3 else { return nil }
        let id = String(segments[2].prefix(while: { $0 != "?" && $0 != "#" }))
        return Agency.isValidID(id) ? id : nil
    }
}
