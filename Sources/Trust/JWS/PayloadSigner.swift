/// Signs payloads as a Gerbang agency: its private key, its certificate, and optionally the
/// chain to embed in `x5c`.
///
/// `Sendable`: a value type of `Sendable` parts.
public struct PayloadSigner: Sendable {
    /// The agency's private key.
    public let key: PrivateKey
    /// The agency's certificate (it certifies `key`).
    public let certificate: Certificate
    /// Certificates to put in `x5c` after the leaf (typically the intermediate CA); nil: no `x5c`.
    public let chain: [Certificate]?
    /// The JWS algorithm, fitting the key.
    public let algorithm: JWSAlgorithm

    /// A signer. Throws `trust.alg-key-mismatch` when `certificate` does not certify `key` or the
    /// algorithm does not fit it.
    public init(key: PrivateKey, certificate: Certificate, chain: [Certificate]? = nil, algorithm: JWSAlgorithm? = nil) throws(TrustError) {
        let algorithm = algorithm ?? JWSAlgorithm.default(for: key.type)
        guard algorithm.keyType == key.type else {
            throw TrustError(.algKeyMismatch, "\(algorithm.rawValue) needs a \(algorithm.keyType.rawValue) key, this key is \(key.type.rawValue)")
        }
        guard try certificate.publicKey().der() == key.publicKey.der() else {
            throw TrustError(.algKeyMismatch, "the certificate \(certificate.subject) does not certify this private key")
        }
        self.key = key
        self.certificate = certificate
        self.chain = chain
        self.algorithm = algorithm
    }

    /// The protected header this signer writes.
    public var header: JWSHeader {
        let agency = (try? AgencyIdentity.agencyID(of: certificate)) ?? "unknown"
        return JWSHeader(
            algorithm: algorithm,
            keyID: "\(agency):\(certificate.serialHex)",
            thumbprint: certificate.sha256Thumbprint,
            chain: chain.map { [certificate.der] + $0.map(\.der) }
        )
    }

    /// The detached compact JWS over `payload`.
    public func sign(_ payload: some Collection<UInt8>) throws(TrustError) -> String {
        try DetachedJWS(signing: payload, header: header, key: key).compact
    }
}
