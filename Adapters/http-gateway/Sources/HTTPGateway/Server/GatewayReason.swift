/// The gateway's own reason codes, each with the HTTP status it is answered with.
///
/// `Sendable`: a plain enum with a `String` raw value.
public enum GatewayReason: String, Sendable, Hashable, CaseIterable {
    /// Not `POST /events` (→ 404).
    case notFound = "gateway.not-found"
    /// A method other than POST on `/events` (→ 405).
    case methodNotAllowed = "gateway.method-not-allowed"
    /// Neither structured mode (`application/cloudevents+json`) nor binary mode (`ce-*` headers) (→ 415).
    case unsupportedMediaType = "gateway.unsupported-media-type"
    /// A batch (`application/cloudevents-batch+json`): publish one event per request (→ 415).
    case batchUnsupported = "gateway.batch-unsupported"
    /// A `ce-*` header value is not valid percent-encoded UTF-8, or the data is not the JSON its
    /// content type says (→ 400).
    case invalidBinaryEvent = "gateway.invalid-binary-event"
    /// The client certificate's agency is not the agency this gateway publishes for (→ 403).
    case agencyNotServed = "gateway.agency-not-served"
    /// The event's `source` does not name the client certificate's agency (→ 403).
    case sourceMismatch = "gateway.source-mismatch"
    /// The event could not be signed with the agency's key (→ 500).
    case signingFailed = "gateway.signing-failed"
    /// The broker did not answer in time or the client is closing (→ 503).
    case brokerUnavailable = "gateway.broker-unavailable"
    /// The request took longer than the request timeout (→ 408).
    case requestTimeout = "gateway.request-timeout"

    /// The HTTP status of this reason.
    public var status: Int {
        switch self {
        case .notFound: 404
        case .methodNotAllowed: 405
        case .unsupportedMediaType, .batchUnsupported: 415
        case .invalidBinaryEvent: 400
        case .agencyNotServed, .sourceMismatch: 403
        case .signingFailed: 500
        case .brokerUnavailable: 503
        case .requestTimeout: 408
        }
    }
}
