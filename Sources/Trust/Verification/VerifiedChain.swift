import Foundation

/// The outcome of a successful chain verification: who the signer is and how it chains to an anchor.
///
/// `Sendable`: a value type of `Sendable` parts.
public struct VerifiedChain: Sendable {
    /// The signer's certificate.
    public let leaf: Certificate
    /// The signer's public key, extracted once.
    public let publicKey: PublicKey
    /// The agency the certificate is bound to (listed in the agency directory).
    public let agency: Agency
    /// The subjects of the chain, leaf first, trust anchor last (RFC 2253).
    public let subjects: [String]
    /// The earliest notAfter in the chain: the result holds no longer than this.
    public let validUntil: Date
    /// The CRL generation the verification used (a CRL reload starts a new one).
    public let crlGeneration: Int
}
