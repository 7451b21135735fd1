/// A JWS in compact serialisation with a detached payload (RFC 7515 §7.1, Appendix F):
/// `BASE64URL(header) + ".." + BASE64URL(signature)`.
///
/// The signing input is `BASE64URL(header) + "." + BASE64URL(payload)`, exactly as if the payload
/// were attached; only the serialisation leaves the middle part out.
///
/// `Sendable`: a value type.
public struct DetachedJWS: Sendable, Hashable {
    /// The decoded protected header.
    public let header: JWSHeader
    /// The protected header exactly as transmitted (base64url): the signature covers these bytes.
    public let encodedHeader: String
    /// The signature bytes (`R || S` for ES256).
    public let signature: [UInt8]

    /// The compact serialisation, `header..signature`.
    public var compact: String { encodedHeader + ".." + Base64URL.encode(signature) }

    /// Parses a detached compact JWS, with `maximumLength` characters at most.
    public init(compact: String, maximumLength: Int = TrustConfiguration.Limits().maximumJWSLength,
                maximumChainLength: Int = TrustConfiguration.Limits().maximumChainLength) throws(TrustError) {
        guard compact.utf8.count <= maximumLength else {
            throw TrustError(.limitExceeded, "the JWS has \(compact.utf8.count) characters, the limit is \(maximumLength)")
        }
        let parts = compact.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw TrustError(.malformedJWS, "a compact JWS has three dot-separated parts, this has \(parts.count)")
        }
        guard parts[1].isEmpty else {
            throw TrustError(.malformedJWS, "the payload part must be empty (detached payload, `header..signature`)")
        }
        guard let headerJSON = Base64URL.decode(String(decoding: parts[0], as: UTF8.self)) else {
            throw TrustError(.malformedJWS, "the protected header is not base64url")
        }
        guard let signature = Base64URL.decode(String(decoding: parts[2], as: UTF8.self)), !signature.isEmpty else {
            throw TrustError(.malformedJWS, "the signature is not base64url")
        }
        header = try JWSHeader(json: headerJSON, maximumChainLength: maximumChainLength)
        encodedHeader = String(decoding: parts[0], as: UTF8.self)
        self.signature = signature
    }

    /// Signs `payload` with `key`, describing the signer with `header` (its `alg` must fit the key).
    public init(signing payload: some Collection<UInt8>, header: JWSHeader, key: PrivateKey) throws(TrustError) {
        self.header = header
        encodedHeader = Base64URL.encode(header.json)
        signature = try key.sign(DetachedJWS.signingInput(encodedHeader: encodedHeader, payload: payload), algorithm: header.algorithm)
    }

    /// `ASCII(BASE64URL(header) || "." || BASE64URL(payload))` (RFC 7515 §5.1 step 5).
    public static func signingInput(encodedHeader: String, payload: some Collection<UInt8>) -> [UInt8] {
        Array(encodedHeader.utf8) + [UInt8(ascii: ".")] + Array(Base64URL.encode(payload).utf8)
    }

    /// Whether the signature is valid for `payload` under `key`.
    ///
    /// Throws `trust.alg-key-mismatch` when the header's `alg` does not fit the key.
    public func isValid(payload: some Collection<UInt8>, key: PublicKey) throws(TrustError) -> Bool {
        try key.isValidSignature(signature, for: DetachedJWS.signingInput(encodedHeader: encodedHeader, payload: payload), algorithm: header.algorithm)
    }
}
