/// Why a key, a certificate or a signed event was rejected: a stable, machine-readable code.
///
/// The raw values are part of Gerbang's interface (they appear in logs, audit records and the
/// output of `gerbang verify`) and are listed in `docs/signing.md`.
public enum TrustReason: String, Sendable, Hashable, CaseIterable {
    // Certificates and chains
    /// The certificate (or one in its chain) is past its notAfter at the verification time.
    case expired = "trust.expired"
    /// The certificate (or one in its chain) is before its notBefore at the verification time.
    case notYetValid = "trust.not-yet-valid"
    /// The certificate is listed on its issuer's CRL.
    case revoked = "trust.revoked"
    /// No chain leads from the certificate to a configured trust anchor.
    case unknownCA = "trust.unknown-ca"
    /// The signer certificate lacks keyUsage digitalSignature.
    case keyUsage = "trust.key-usage"
    /// A CA in the chain is not marked as a CA, or the signer certificate is itself a CA.
    case basicConstraints = "trust.basic-constraints"
    /// The chain is longer than a CA's pathLenConstraint allows.
    case pathLength = "trust.path-length"
    /// CRL checking is required but no CRL from the issuer is loaded.
    case crlMissing = "trust.crl-missing"
    /// A CRL in use is past its nextUpdate, or not yet valid, or badly signed.
    case crlInvalid = "trust.crl-invalid"
    /// A signature inside the chain does not verify, or the chain fails another X.509 check.
    case chainInvalid = "trust.chain-invalid"
    /// The certificate names no agency (no `urn:gerbang:agency:` URI SAN, no organizationIdentifier).
    case noAgency = "trust.no-agency"
    /// The certificate names more than one agency.
    case agencyAmbiguous = "trust.agency-ambiguous"
    /// The certificate's agency is not in `Config/agencies.yaml`.
    case unknownAgency = "trust.unknown-agency"
    /// The certificate's agency is not the agency of the event's `source`.
    case agencyMismatch = "trust.agency-mismatch"
    /// The event's `source` does not name an agency in a form Gerbang understands.
    case sourceNotAgency = "trust.source-not-agency"

    // Keys
    /// A key is of a type or curve that Gerbang does not accept (e.g. EC P-384 for ES256).
    case unsupportedKey = "trust.unsupported-key"
    /// A key, certificate or CRL could not be decoded (bad PEM/DER, wrong passphrase).
    case malformedKey = "trust.malformed-key"

    // JWS
    /// The event carries no signature attribute.
    case unsigned = "trust.unsigned"
    /// The JWS is not a detached compact serialisation (`header..signature`) or its header is not valid.
    case malformedJWS = "trust.malformed-jws"
    /// The header's `alg` is `none`.
    case algNone = "trust.alg-none"
    /// The header's `alg` is an HMAC algorithm (HS256/HS384/HS512), never accepted.
    case algHMAC = "trust.alg-hmac"
    /// The header's `alg` is not one Gerbang implements (ES256, EdDSA, RS256, PS256).
    case algUnsupported = "trust.alg-unsupported"
    /// The header's `alg` does not match the signer's key type.
    case algKeyMismatch = "trust.alg-key-mismatch"
    /// The header has a `crit` parameter naming an extension Gerbang does not understand.
    case unknownCrit = "trust.unknown-crit"
    /// The header does not identify the signer (`x5t#S256` missing, or not matching `x5c`).
    case signerUnidentified = "trust.signer-unidentified"
    /// The signer's certificate is not in `x5c` and not among the known certificates.
    case unknownSigner = "trust.unknown-signer"
    /// The signature does not verify over the canonical event: the event or header was changed.
    case badSignature = "trust.bad-signature"
    /// The event is not a valid envelope (not JSON, not a CloudEvent).
    case malformedEvent = "trust.malformed-event"
    /// A configured limit was exceeded (header size, chain length, ...).
    case limitExceeded = "trust.limit-exceeded"

    // Environment
    /// A configuration or PKI file is missing or unreadable.
    case configuration = "trust.configuration"
    /// OpenSSL failed in a way that says nothing about the input (allocation, internal error).
    case internalError = "trust.internal"
}
