import GerbangJSON

/// A request the gateway answers with an error: the HTTP status and the body
/// `{"reason", "specificCode", "location", "message"}` — the broker's codes when the broker
/// decided, the gateway's own (``GatewayReason``), or the envelope's and HTTP parser's.
///
/// `Sendable`: a value type of an integer and strings.
public struct GatewayRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status (4xx or 5xx).
    public var status: Int
    /// The stable reason code (`schema.violation`, `gateway.source-mismatch`, `envelope.missing-attribute`, …).
    public var reason: String
    /// The deciding layer's own code (e.g. `schema.keyword.format`), or empty.
    public var specificCode: String
    /// Where in the event (a JSON Pointer, an attribute), or empty.
    public var location: String
    /// An explanation for people; never quotes event data.
    public var message: String
    /// Seconds after which the client may try again (`Retry-After`), for 429 and 503.
    public var retryAfterSeconds: Int?

    /// Creates a rejection.
    public init(status: Int, reason: String, specificCode: String = "", location: String = "", message: String,
                retryAfterSeconds: Int? = nil) {
        self.status = status
        self.reason = reason
        self.specificCode = specificCode
        self.location = location
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// A rejection with one of the gateway's own reasons.
    public init(_ reason: GatewayReason, _ message: String, location: String = "") {
        self.init(status: reason.status, reason: reason.rawValue, location: location, message: message)
    }

    /// The JSON answer.
    public var response: HTTPResponse {
        var headers = HTTPHeaders([("Content-Type", "application/json")])
        if let retryAfterSeconds { headers.add("Retry-After", String(retryAfterSeconds)) }
        let body = JSONObject([
            "reason": .string(reason), "specificCode": .string(specificCode), "location": .string(location), "message": .string(message),
        ])
        return HTTPResponse(status: status, headers: headers, body: body.serializedBytes())
    }

    public var description: String { "\(status) \(reason)\(specificCode.isEmpty ? "" : "/\(specificCode)"): \(message)" }
}
