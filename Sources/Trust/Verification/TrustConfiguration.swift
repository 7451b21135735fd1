import Foundation

/// Everything a verifier needs to decide whether to trust a signer.
///
/// `Sendable`: a value type of `Sendable` parts.
public struct TrustConfiguration: Sendable {
    /// The root CAs that chains must end in.
    public var trustAnchors: [Certificate]
    /// Intermediate CA certificates available for building chains (besides a JWS's `x5c`).
    public var intermediates: [Certificate]
    /// Signer certificates known in advance, found by thumbprint when a JWS has no `x5c`.
    public var knownCertificates: [Certificate]
    /// Where the CRLs are read from (every `*.pem`, `*.crl`, `*.der`); nil: no CRLs.
    public var crlDirectory: URL?
    /// Which certificates must be checked against CRLs (ignored when `crlDirectory` is nil).
    public var crlPolicy: CRLPolicy
    /// The agencies certificates may be bound to.
    public var agencies: AgencyDirectory
    /// Limits on what a JWS may contain.
    public var limits: Limits

    /// Bounds on untrusted input; every one is checked before any expensive work.
    public struct Limits: Sendable, Hashable {
        /// Longest accepted compact JWS, in characters. Default 64 KiB (room for an `x5c` of 5 certificates).
        public var maximumJWSLength: Int
        /// Most certificates accepted in `x5c`. Default 5.
        public var maximumChainLength: Int
        /// Most chains kept in the verification cache. Default 10,000.
        public var maximumCacheEntries: Int
        /// Most decoded JWS headers kept (one per signer and header form). Default 1,024.
        public var maximumHeaderCacheEntries: Int

        /// The defaults documented on each limit.
        public init(maximumJWSLength: Int = 64 * 1024, maximumChainLength: Int = 5, maximumCacheEntries: Int = 10_000,
                    maximumHeaderCacheEntries: Int = 1_024) {
            self.maximumJWSLength = maximumJWSLength
            self.maximumChainLength = maximumChainLength
            self.maximumCacheEntries = maximumCacheEntries
            self.maximumHeaderCacheEntries = maximumHeaderCacheEntries
        }
    }

    /// Creates a configuration.
    public init(
        trustAnchors: [Certificate],
        intermediates: [Certificate] = [],
        knownCertificates: [Certificate] = [],
        crlDirectory: URL? = nil,
        crlPolicy: CRLPolicy = .leaf,
        agencies: AgencyDirectory,
        limits: Limits = Limits()
    ) {
        self.trustAnchors = trustAnchors
        self.intermediates = intermediates
        self.knownCertificates = knownCertificates
        self.crlDirectory = crlDirectory
        self.crlPolicy = crlPolicy
        self.agencies = agencies
        self.limits = limits
    }
}
