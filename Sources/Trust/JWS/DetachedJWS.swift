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
        let (encodedHeader, signature) = try DetachedJWS.split(compact, maximumLength: maximumLength)
        guard let headerJSON = Base64URL.decode(encodedHeader) else {
            throw TrustError(.malformedJWS, "the protected header is not base64url")
        }
        self.init(encodedHeader: encodedHeader, header: try JWSHeader(json: headerJSON, maximumChainLength: maximumChainLength), signature: signature)
    }

    /// Assembles a JWS from its already decoded parts.
    init(encodedHeader: String, header: JWSHeader, signature: [UInt8]) {
        self.encodedHeader = encodedHeader
        self.header = header
        self.signature = signature
    }

    /// Splits `header..signature` into the encoded header and the decoded signature, checking the
    /// length limit, the empty (detached) payload part and the signature's base64url.
    static func split(_ compact: String, maximumLength: Int) throws(TrustError) -> (encodedHeader: String, signature: [UInt8]) {
        let bytes = compact.utf8
        guard bytes.count <= maximumLength else {
            throw TrustError(.limitExceeded, "the JWS has \(bytes.count) characters, the limit is \(maximumLength)")
        }
        let dot = UInt8(ascii: ".")
        guard let first = bytes.firstIndex(of: dot) else {
            throw TrustError(.malformedJWS, "a compact JWS has three dot-separated parts, this has one")
        }
        let afterFirst = bytes.index(after: first)
        guard afterFirst < bytes.endIndex, bytes[afterFirst] == dot else {
            throw TrustError(.malformedJWS, "the payload part must be empty (detached payload, `header..signature`)")
        }
        let signaturePart = bytes[bytes.index(after: afterFirst)...]
        guard !signaturePart.contains(dot) else {
            throw TrustError(.malformedJWS, "a compact JWS has three dot-separated parts, this has more")
        }
        guard first > bytes.startIndex else {
            throw TrustError(.malformedJWS, "the protected header is empty")
        }
        guard let signature = Base64URL.decode(String(decoding: signaturePart, as: UTF8.self)), !signature.isEmpty else {
            throw TrustError(.malformedJWS, "the signature is not base64url")
        }
        return (String(decoding: bytes[..<first], as: UTF8.self), signature)
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
