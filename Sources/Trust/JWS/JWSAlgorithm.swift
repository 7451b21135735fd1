/// The JWS `alg` values Gerbang implements (RFC 7518 §3, RFC 8037 §3.1, RFC 9864).
public enum JWSAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// ECDSA P-256 with SHA-256; the signature is the 64-byte `R || S` (RFC 7518 §3.4), not DER.
    case es256 = "ES256"
    /// Ed25519 (RFC 8037). Gerbang writes this name, which every JOSE library knows.
    case edDSA = "EdDSA"
    /// Ed25519 under its fully-specified name (RFC 9864, which deprecates `EdDSA`); accepted.
    case ed25519 = "Ed25519"
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    case rs256 = "RS256"
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt.
    case ps256 = "PS256"

    /// The algorithm Gerbang signs with for a key of `type` (RSA keys sign with PS256).
    public static func `default`(for type: KeyType) -> JWSAlgorithm {
        switch type {
        case .ecP256: .es256
        case .ed25519: .edDSA
        case .rsa: .ps256
        }
    }

    /// The key type this algorithm needs.
    public var keyType: KeyType {
        switch self {
        case .es256: .ecP256
        case .edDSA, .ed25519: .ed25519
        case .rs256, .ps256: .rsa
        }
    }

    /// Parses a header's `alg`, with the specific reason for the values that must be refused.
    public init(header value: String) throws(TrustError) {
        if let algorithm = JWSAlgorithm(rawValue: value) {
            self = algorithm
        } else if value.lowercased() == "none" {
            throw TrustError(.algNone, "alg \"\(value)\" (unsigned JWS) is never accepted")
        } else if value.uppercased().hasPrefix("HS") {
            throw TrustError(.algHMAC, "alg \"\(value)\" (HMAC, a shared secret) is never accepted")
        } else {
            throw TrustError(.algUnsupported, "alg \"\(value.prefix(32))\" is not supported (ES256, EdDSA, Ed25519, RS256, PS256)")
        }
    }
}
