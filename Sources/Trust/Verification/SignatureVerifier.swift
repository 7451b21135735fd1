import Foundation

/// Verifies Gerbang's detached JWS signatures over payload bytes: the header, the signer's
/// certificate chain (through a caching `ChainVerifier`), the signature, and the binding between
/// the certificate's agency and the agency the message claims to come from.
///
/// `Sendable`: it holds only the `Sendable` chain verifier.
public final class SignatureVerifier: Sendable {
    /// The chain verifier, with its CRLs and cache.
    public let chains: ChainVerifier

    /// A verifier for `configuration` (reads its CRL directory).
    public convenience init(configuration: TrustConfiguration) throws(TrustError) {
        self.init(chains: try ChainVerifier(configuration: configuration))
    }

    /// A verifier over an existing chain verifier (sharing its cache).
    public init(chains: ChainVerifier) { self.chains = chains }

    /// Verifies `jws` (compact, detached) over `payload`.
    ///
    /// - Parameters:
    ///   - claimedAgency: the agency the message says it comes from (from the event's `source`);
    ///     the certificate's agency must be this one. Nil is `trust.source-not-agency`.
    ///   - time: the verification time; nil means now (and allows the chain cache).
    public func verify(jws: String, payload: some Collection<UInt8>, claimedAgency: String?, at time: Date? = nil) -> Verdict {
        let limits = chains.configuration.limits
        let parsed: DetachedJWS
        do {
            parsed = try DetachedJWS(compact: jws, maximumLength: limits.maximumJWSLength, maximumChainLength: limits.maximumChainLength)
        } catch {
            return .rejected(error)
        }
        let algorithm = parsed.header.algorithm
        let chain: VerifiedChain
        do {
            let (leaf, presented) = try signer(of: parsed.header)
            chain = try chains.verify(leaf: leaf, presented: presented, at: time)
        } catch {
            return .rejected(error, algorithm: algorithm)
        }
        do {
            guard try parsed.isValid(payload: payload, key: chain.publicKey) else {
                return .rejected(TrustError(.badSignature, "the signature does not match the event: it was changed after signing, or signed by another key"), chain: chain, algorithm: algorithm)
            }
        } catch {
            return .rejected(error, chain: chain, algorithm: algorithm)
        }
        guard let claimedAgency else {
            return .rejected(TrustError(.sourceNotAgency, "the event's source does not name an agency"), chain: chain, algorithm: algorithm)
        }
        guard claimedAgency == chain.agency.id else {
            return .rejected(TrustError(.agencyMismatch, "signed by agency \"\(chain.agency.id)\" but the event's source is agency \"\(claimedAgency)\""), chain: chain, algorithm: algorithm)
        }
        return .valid(chain, algorithm: algorithm)
    }

    /// The signer certificate and the other presented certificates, from `x5c` or, failing that,
    /// from the known certificates by `x5t#S256`.
    func signer(of header: JWSHeader) throws(TrustError) -> (Certificate, [Certificate]) {
        if let chain = header.chain {
            var certificates: [Certificate] = []
            for der in chain {
                do {
                    certificates.append(try Certificate(der: der))
                } catch {
                    throw TrustError(.malformedJWS, "an `x5c` entry is not a DER certificate")
                }
            }
            let leaf = certificates[0]
            if let thumbprint = header.thumbprint, thumbprint != leaf.sha256Thumbprint {
                throw TrustError(.signerUnidentified, "`x5t#S256` is not the thumbprint of the first `x5c` certificate")
            }
            return (leaf, Array(certificates.dropFirst()))
        }
        guard let thumbprint = header.thumbprint else {
            throw TrustError(.signerUnidentified, "the header has neither `x5c` nor `x5t#S256`")
        }
        guard let leaf = chains.certificate(thumbprint: thumbprint) else {
            throw TrustError(.unknownSigner, "no known certificate has thumbprint \(Base64URL.encode(thumbprint)) and the JWS carries no `x5c`")
        }
        return (leaf, [])
    }
}
