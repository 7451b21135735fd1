import Foundation
import Logging

/// Verifies Gerbang's detached JWS signatures over payload bytes: the header, the signer's
/// certificate chain (through a caching `ChainVerifier`), the signature, and the binding between
/// the certificate's agency and the agency the message claims to come from.
///
/// A signer sends the same protected header with every message, so decoded headers are cached
/// by their encoded text (at most `Limits.maximumHeaderCacheEntries`; the cache is emptied when
/// full); only headers that passed every header check are cached.
///
/// `Sendable`: the chain verifier is `Sendable` and the header cache lives behind a lock.
public final class SignatureVerifier: Sendable {
    /// The chain verifier, with its CRLs and cache.
    public let chains: ChainVerifier
    let headers = Locked<[String: SignerHeader]>([:])

    /// A decoded header with the thumbprint of the signer certificate it names.
    struct SignerHeader: Sendable {
        let header: JWSHeader
        let thumbprint: [UInt8]
    }

    /// A verifier for `configuration` (reads its CRL directory); `logger` goes to the chain verifier.
    public convenience init(configuration: TrustConfiguration, logger: Logger = Logger(label: "gerbang.trust")) throws(TrustError) {
        self.init(chains: try ChainVerifier(configuration: configuration, logger: logger))
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
        let signer: SignerHeader
        do {
            let (encodedHeader, signature) = try DetachedJWS.split(jws, maximumLength: limits.maximumJWSLength)
            signer = try signerHeader(encodedHeader, limits: limits)
            parsed = DetachedJWS(encodedHeader: encodedHeader, header: signer.header, signature: signature)
        } catch {
            return .rejected(error)
        }
        let algorithm = parsed.header.algorithm
        let chain: VerifiedChain
        do {
            if time == nil, let cached = chains.cachedChain(thumbprint: signer.thumbprint) {
                chain = cached
            } else {
                let (leaf, presented) = try self.signer(of: parsed.header, thumbprint: signer.thumbprint)
                chain = try chains.verify(leaf: leaf, presented: presented, at: time)
            }
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

    /// The decoded header and signer thumbprint for `encodedHeader`, from the cache or decoded now.
    func signerHeader(_ encodedHeader: String, limits: TrustConfiguration.Limits) throws(TrustError) -> SignerHeader {
        if let cached = headers.withLock({ $0[encodedHeader] }) { return cached }
        guard let json = Base64URL.decode(encodedHeader) else {
            throw TrustError(.malformedJWS, "the protected header is not base64url")
        }
        let header = try JWSHeader(json: json, maximumChainLength: limits.maximumChainLength)
        let decoded = SignerHeader(header: header, thumbprint: try signerThumbprint(of: header))
        headers.withLock { headers in
            if headers.count >= limits.maximumHeaderCacheEntries { headers.removeAll() }
            if limits.maximumHeaderCacheEntries > 0 { headers[encodedHeader] = decoded }
        }
        return decoded
    }

    /// The SHA-256 thumbprint of the signer's certificate: of the first `x5c` entry's DER (which
    /// must then match `x5t#S256` when both are present), else `x5t#S256`.
    func signerThumbprint(of header: JWSHeader) throws(TrustError) -> [UInt8] {
        if let leafDER = header.chain?.first {
            let thumbprint = try Digest.sha256(leafDER)
            if let claimed = header.thumbprint, claimed != thumbprint {
                throw TrustError(.signerUnidentified, "`x5t#S256` is not the thumbprint of the first `x5c` certificate")
            }
            return thumbprint
        }
        guard let thumbprint = header.thumbprint else {
            throw TrustError(.signerUnidentified, "the header has neither `x5c` nor `x5t#S256`")
        }
        return thumbprint
    }

    /// The signer certificate and the other presented certificates, decoded from `x5c` or, without
    /// one, the known certificate with `thumbprint`.
    func signer(of header: JWSHeader, thumbprint: [UInt8]) throws(TrustError) -> (Certificate, [Certificate]) {
        if let chain = header.chain {
            var certificates: [Certificate] = []
            for der in chain {
                do {
                    certificates.append(try Certificate(der: der))
                } catch {
                    throw TrustError(.malformedJWS, "an `x5c` entry is not a DER certificate")
                }
            }
            return (certificates[0], Array(certificates.dropFirst()))
        }
        guard let leaf = chains.certificate(thumbprint: thumbprint) else {
            throw TrustError(.unknownSigner, "no known certificate has thumbprint \(Base64URL.encode(thumbprint)) and the JWS carries no `x5c`")
        }
        return (leaf, [])
    }
}
