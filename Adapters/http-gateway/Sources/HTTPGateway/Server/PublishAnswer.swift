import GMP
import GerbangJSON
import GerbangKit

/// The broker's verdict on a published event as an HTTP answer.
///
/// | verdict | status |
/// |---|---|
/// | stored | 202, `{"status":"accepted","id","sequence","duplicate":false}` |
/// | already stored (same `source` and `id`) | 200, the same with `"duplicate":true` |
/// | `schema.*`, `event.malformed`, `event.clock-skew`, `protocol.*` | 400 |
/// | `signature.*`, `auth.*`, `route.*` | 403 |
/// | `event.too-large` | 413 |
/// | `flow.*` | 429 with `Retry-After` |
/// | `store.unavailable`, `broker.internal`, `session.*`, no answer in time | 503 with `Retry-After` |
public enum PublishAnswer {
    /// The answer to an accepted event.
    public static func accepted(_ receipt: Receipt, eventID: String) -> HTTPResponse {
        let body = JSONObject([
            "status": .string("accepted"), "id": .string(eventID), "sequence": .number(JSONNumber(text: String(receipt.sequence))),
            "duplicate": .bool(receipt.duplicate),
        ])
        return HTTPResponse(status: receipt.duplicate ? 200 : 202, headers: HTTPHeaders([("Content-Type", "application/json")]),
                            body: body.serializedBytes())
    }

    /// The rejection for a failed publish.
    public static func rejection(_ error: GerbangClientError) -> GatewayRejection {
        switch error.reason {
        case .rejected, .sessionRefused:
            let code = error.brokerReason ?? .unrecognized
            let status = status(of: code)
            return GatewayRejection(status: status, reason: code.rawValue, specificCode: error.specificCode, location: error.location,
                                    message: error.message, retryAfterSeconds: status == 429 || status == 503 ? 1 : nil)
        case .publishTimeout, .queueFull, .closed, .connectTimeout, .outbox:
            return GatewayRejection(status: 503, reason: GatewayReason.brokerUnavailable.rawValue, specificCode: error.reason.rawValue,
                                    message: error.message, retryAfterSeconds: 5)
        case .signing:
            return GatewayRejection(status: 500, reason: GatewayReason.signingFailed.rawValue, specificCode: error.reason.rawValue,
                                    message: error.message)
        case .configuration, .invalidArgument, .alreadySubscribed:
            return GatewayRejection(status: 500, reason: error.reason.rawValue, message: error.message)
        }
    }

    /// The HTTP status of a broker reason code.
    public static func status(of code: ReasonCode) -> Int {
        let category = code.rawValue.split(separator: ".").first.map(String.init) ?? ""
        switch code {
        case .eventTooLarge: return 413
        case .eventMalformed, .eventClockSkew, .eventDuplicate: return 400
        default: break
        }
        switch category {
        case "schema", "protocol": return 400
        case "signature", "auth", "route": return 403
        case "flow": return 429
        default: return 503 // store.*, broker.*, session.*, unrecognized
        }
    }
}
