import COpenSSL
import Foundation
import Logging

/// Verifies signer certificates: the chain to a trust anchor, validity at a time, revocation,
/// keyUsage, basic constraints and path length, and the agency the certificate is bound to.
///
/// Chains verified at the current time are cached by the leaf's SHA-256 thumbprint until the
/// earliest notAfter of the chain or the next CRL reload, whichever comes first, so that checking
/// a message from a known signer costs one dictionary lookup. The cache holds at most
/// `TrustConfiguration.Limits.maximumCacheEntries` chains.
///
/// `Sendable`: its configuration and anchor store are immutable, and the CRLs and the cache live
/// behind a lock; `reloadCRLs()` swaps in a new `CRLSet` atomically while verifications in flight
/// keep the set they started with.
public final class ChainVerifier: Sendable {
    /// What this verifier trusts.
    public let configuration: TrustConfiguration
    let store: TrustAnchorStore
    let knownCertificates: [Data: Certificate]
    let state: Locked<State>
    let logger: Logger

    /// The mutable part: the CRLs in force and the cache of verified chains.
    struct State: Sendable {
        var crls: CRLSet
        var generation: Int
        var cache: [Data: VerifiedChain]
        var statistics: CacheStatistics
    }

    /// How often the cache answered.
    public struct CacheStatistics: Sendable, Hashable {
        /// Verifications answered from the cache.
        public var hits = 0
        /// Verifications that built and checked the chain.
        public var misses = 0
    }

    /// Creates a verifier, reading the CRL directory when one is configured.
    ///
    /// - Parameter logger: receives CRL reloads (info) and chain rejections (debug: reason and
    ///   certificate subject, never message content).
    public init(configuration: TrustConfiguration, logger: Logger = Logger(label: "gerbang.trust")) throws(TrustError) {
        self.logger = logger
        guard !configuration.trustAnchors.isEmpty else {
            throw TrustError(.configuration, "no trust anchors configured")
        }
        self.configuration = configuration
        store = try TrustAnchorStore(anchors: configuration.trustAnchors)
        var known: [Data: Certificate] = [:]
        for certificate in configuration.knownCertificates + configuration.intermediates {
            known[Data(certificate.sha256Thumbprint)] = certificate
        }
        knownCertificates = known
        let crls = if let directory = configuration.crlDirectory { try CRLSet(directory: directory) } else { try CRLSet([]) }
        state = Locked(State(crls: crls, generation: 0, cache: [:], statistics: CacheStatistics()))
    }

    /// Re-reads the CRL directory and swaps the new CRLs in atomically; every cached chain is
    /// dropped (it is verified again against the new CRLs on next use). When the directory cannot
    /// be read, the CRLs in force stay and the error is thrown.
    public func reloadCRLs() throws(TrustError) {
        guard let directory = configuration.crlDirectory else { return }
        let fresh: CRLSet
        do {
            fresh = try CRLSet(directory: directory)
        } catch {
            logger.error("CRL reload failed; the previous CRLs stay in force", metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)"])
            throw error
        }
        let generation = state.withLock { state in
            state.crls = fresh
            state.generation += 1
            state.cache.removeAll()
            return state.generation
        }
        logger.info("CRLs reloaded", metadata: [
            "directory": "\(directory.path)", "crls": "\(fresh.crls.count)", "generation": "\(generation)",
        ])
    }

    /// The CRLs in force.
    public var crls: CRLSet { state.withLock { $0.crls } }

    /// Cache hit and miss counts since creation.
    public var cacheStatistics: CacheStatistics { state.withLock { $0.statistics } }

    /// A known signer or intermediate certificate with this SHA-256 thumbprint.
    public func certificate(thumbprint: [UInt8]) -> Certificate? { knownCertificates[Data(thumbprint)] }

    /// Verifies `leaf` as a signer certificate, using `presented` (e.g. a JWS's `x5c` after the
    /// leaf) and the configured intermediates to build the chain.
    ///
    /// - Parameter time: the verification time; nil means now, and only then is the cache used.
    /// - Throws: `TrustError` with the first failing check's reason (`trust.expired`,
    ///   `trust.revoked`, `trust.unknown-ca`, `trust.key-usage`, `trust.unknown-agency`, ...).
    public func verify(leaf: Certificate, presented: [Certificate] = [], at time: Date? = nil) throws(TrustError) -> VerifiedChain {
        let thumbprint = leaf.sha256Thumbprint
        if time == nil, let cached = cachedChain(thumbprint: thumbprint) { return cached }
        let now = Date()
        let (crls, generation) = state.withLock { ($0.crls, $0.generation) }
        let chain: VerifiedChain
        do {
            chain = try verifyUncached(leaf: leaf, presented: presented, at: time ?? now, crls: crls, generation: generation)
        } catch {
            logger.debug("signer certificate rejected", metadata: ["reason": "\(error.reason.rawValue)", "subject": "\(leaf.subject)"])
            throw error
        }
        if time == nil { remember(chain, under: Data(thumbprint), now: now) }
        return chain
    }

    /// The chain verified earlier for the certificate with this SHA-256 thumbprint, if it is still
    /// valid now and no CRL reload happened since; counts as a cache hit. Lets callers skip even
    /// decoding the certificate (OpenSSL 3's `d2i_X509` costs more than a signature check).
    public func cachedChain(thumbprint: [UInt8]) -> VerifiedChain? {
        let now = Date()
        return state.withLock { state in
            guard let cached = state.cache[Data(thumbprint)], cached.crlGeneration == state.generation, now < cached.validUntil else {
                return nil
            }
            state.statistics.hits += 1
            return cached
        }
    }

    private func remember(_ chain: VerifiedChain, under key: Data, now: Date) {
        state.withLock { state in
            state.statistics.misses += 1
            guard chain.crlGeneration == state.generation else { return } // a reload happened meanwhile
            if state.cache.count >= configuration.limits.maximumCacheEntries {
                state.cache = state.cache.filter { $0.value.validUntil > now }
                while state.cache.count >= configuration.limits.maximumCacheEntries, let victim = state.cache.keys.first {
                    state.cache.removeValue(forKey: victim)
                }
            }
            if configuration.limits.maximumCacheEntries > 0 { state.cache[key] = chain }
        }
    }
}
