/// The answer to "may this signed event be trusted?": valid, with who signed it, or invalid,
/// with the reason code of the first check that failed.
///
/// `Sendable`: a value type.
public struct Verdict: Sendable {
    /// The signer's agency (set when the certificate chain was verified, even if a later check failed).
    public let agency: Agency?
    /// The signer's chain subjects, leaf first (set when the chain was verified).
    public let chainSubjects: [String]
    /// The JWS algorithm (set when the header could be read).
    public let algorithm: JWSAlgorithm?
    /// Why the event was rejected; nil when it is valid.
    public let error: TrustError?

    /// Whether every check passed.
    public var isValid: Bool { error == nil }

    /// The reason code of the rejection, nil when valid.
    public var reason: TrustReason? { error?.reason }

    /// A valid verdict.
    static func valid(_ chain: VerifiedChain, algorithm: JWSAlgorithm) -> Verdict {
        Verdict(agency: chain.agency, chainSubjects: chain.subjects, algorithm: algorithm, error: nil)
    }

    /// A rejection, with whatever was learnt before the failing check.
    static func rejected(_ error: TrustError, chain: VerifiedChain? = nil, algorithm: JWSAlgorithm? = nil) -> Verdict {
        Verdict(agency: chain?.agency, chainSubjects: chain?.subjects ?? [], algorithm: algorithm, error: error)
    }
}
