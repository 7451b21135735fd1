import GerbangJSON

/// The protected header of a Gerbang JWS (RFC 7515 §4).
///
/// Gerbang writes `alg`, `kid`, `x5t#S256` and, when asked, `x5c`, in that order. When reading, it
/// understands those plus `typ` and `crit`; other parameters are ignored, and in particular `jwk`,
/// `jku` and `x5u` are never used to find a key (the signer is found only through `x5c` or the
/// thumbprint, and must chain to a configured trust anchor). A `crit` naming anything is
/// `trust.unknown-crit`, because Gerbang implements no JWS extension.
///
/// `Sendable`: a value type.
public struct JWSHeader: Sendable, Hashable {
    /// The signature algorithm.
    public var algorithm: JWSAlgorithm
    /// A hint naming the signer's key (Gerbang writes `<agency>:<certificate serial>`); not trusted.
    public var keyID: String?
    /// SHA-256 of the signer certificate's DER (`x5t#S256`).
    public var thumbprint: [UInt8]?
    /// The signer's chain as DER, leaf first (`x5c`).
    public var chain: [[UInt8]]?

    /// Creates a header.
    public init(algorithm: JWSAlgorithm, keyID: String? = nil, thumbprint: [UInt8]? = nil, chain: [[UInt8]]? = nil) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.thumbprint = thumbprint
        self.chain = chain
    }

    /// The header as compact JSON (members in the order `alg`, `kid`, `x5t#S256`, `x5c`).
    public var json: [UInt8] {
        var object = JSONObject()
        object["alg"] = .string(algorithm.rawValue)
        if let keyID { object["kid"] = .string(keyID) }
        if let thumbprint { object["x5t#S256"] = .string(Base64URL.encode(thumbprint)) }
        if let chain { object["x5c"] = .array(chain.map { .string(Base64URL.encodeStandard($0)) }) }
        return JSONValue.object(object).serializedBytes()
    }

    /// Parses a decoded protected header, refusing what Gerbang must refuse (see the type's notes).
    public init(json bytes: [UInt8], maximumChainLength: Int) throws(TrustError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, options: .init(maxDepth: 4, maxInputBytes: 64 * 1024))
        } catch {
            throw TrustError(.malformedJWS, "the protected header is not valid JSON: \(error.reason.rawValue)")
        }
        guard let object = value.objectValue else {
            throw TrustError(.malformedJWS, "the protected header is not a JSON object")
        }
        guard let alg = object["alg"]?.stringValue else {
            throw TrustError(.malformedJWS, "the protected header has no string `alg`")
        }
        algorithm = try JWSAlgorithm(header: alg)
        if let critical = object["crit"] {
            guard let names = critical.arrayValue, !names.isEmpty, names.allSatisfy({ $0.stringValue != nil }) else {
                throw TrustError(.malformedJWS, "`crit` must be a non-empty array of strings (RFC 7515 §4.1.11)")
            }
            let list = names.compactMap(\.stringValue).map { "\"\($0.prefix(32))\"" }.joined(separator: ", ")
            throw TrustError(.unknownCrit, "`crit` names extensions Gerbang does not implement: \(list)")
        }
        switch object["kid"] {
        case nil: keyID = nil
        case .string(let kid)?: keyID = kid
        default: throw TrustError(.malformedJWS, "`kid` must be a string")
        }
        switch object["x5t#S256"] {
        case nil: thumbprint = nil
        case .string(let text)?:
            guard let bytes = Base64URL.decode(text), bytes.count == 32 else {
                throw TrustError(.malformedJWS, "`x5t#S256` must be the base64url of 32 bytes")
            }
            thumbprint = bytes
        default: throw TrustError(.malformedJWS, "`x5t#S256` must be a string")
        }
        switch object["x5c"] {
        case nil: chain = nil
        case .array(let items)?:
            guard !items.isEmpty else { throw TrustError(.malformedJWS, "`x5c` must not be empty") }
            guard items.count <= maximumChainLength else {
                throw TrustError(.limitExceeded, "`x5c` has \(items.count) certificates, the limit is \(maximumChainLength)")
            }
            var certificates: [[UInt8]] = []
            for item in items {
                guard let text = item.stringValue, let der = Base64URL.decodeStandard(text) else {
                    throw TrustError(.malformedJWS, "`x5c` entries must be standard base64 DER certificates")
                }
                certificates.append(der)
            }
            chain = certificates
        default: throw TrustError(.malformedJWS, "`x5c` must be an array")
        }
    }
}
