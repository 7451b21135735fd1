/// Which certificates of a chain must be checked against a CRL.
public enum CRLPolicy: String, Sendable, Hashable, CaseIterable {
    /// No revocation checking.
    case none
    /// The signer's certificate must be checked against its issuer's CRL (the default): a missing
    /// CRL for that issuer is `trust.crl-missing`.
    case leaf
    /// Every certificate in the chain must be checked against its issuer's CRL.
    case chain
}
