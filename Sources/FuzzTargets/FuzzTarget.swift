/// The fuzz targets of Gerbang's parsers, one per case (docs/fuzzing.md).
///
/// Each target feeds arbitrary bytes to a real parser through its public API and must never
/// crash: bad input ends in the parser's typed error. Where a parser promises more (a decoded
/// message re-encodes, a parsed JSON value serialises to text that parses back to it), the target
/// checks that promise too and traps with ``fuzzInvariant(_:_:)`` when it is broken, so libFuzzer
/// reports it like any other crash.
///
/// The libFuzzer executables in `Fuzz/` call ``run(_:)``; `FuzzTargetsTests` replays the committed
/// corpora (`Fuzz/Corpus/<rawValue>/`) and regressions (`Fuzz/Regressions/<rawValue>/`) through it.
///
/// `Sendable`: a plain enum.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The GMP/1 message decoder, ``fuzzGMP(_:)``.
    case gmp
    /// The strict JSON parser, ``fuzzJSON(_:)``.
    case json
    /// The CloudEvents envelope parser, ``fuzzEnvelope(_:)``.
    case envelope
    /// The detached compact JWS parser, ``fuzzJWS(_:)``.
    case jws
    /// Certificate (and CRL) loading from PEM and DER, ``fuzzCertificate(_:)``.
    case certificate
    /// The JSON Schema compiler, ``fuzzSchema(_:)``.
    case schema

    /// Runs this target on one input.
    @discardableResult
    public func run(_ data: UnsafeRawBufferPointer) -> FuzzOutcome {
        switch self {
        case .gmp: fuzzGMP(data)
        case .json: fuzzJSON(data)
        case .envelope: fuzzEnvelope(data)
        case .jws: fuzzJWS(data)
        case .certificate: fuzzCertificate(data)
        case .schema: fuzzSchema(data)
        }
    }

    /// Runs this target on one input held in an array.
    @discardableResult
    public func run(_ bytes: [UInt8]) -> FuzzOutcome {
        bytes.withUnsafeBytes { run($0) }
    }
}
