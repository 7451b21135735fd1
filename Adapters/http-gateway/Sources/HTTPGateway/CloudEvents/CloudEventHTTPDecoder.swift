import Envelope
import Foundation
import GerbangJSON

/// Reads the CloudEvent of an HTTP request in structured or binary mode (CloudEvents HTTP protocol
/// binding 1.0). The result is a valid `CloudEvent` (Envelope's rules) or a reason-coded rejection.
public enum CloudEventHTTPDecoder {
    /// The structured-mode media type.
    public static let structuredMediaType = "application/cloudevents+json"
    /// The batched-mode media type (refused: one event per request).
    public static let batchMediaType = "application/cloudevents-batch+json"
    /// The prefix of binary-mode attribute headers.
    public static let headerPrefix = "ce-"

    /// The event in `request` and the mode it came in.
    public static func event(from request: HTTPRequest, limits: EnvelopeLimits = .default) throws(GatewayRejection) -> (CloudEvent, CloudEventHTTPMode) {
        let mediaType = request.mediaType
        if mediaType == batchMediaType {
            throw GatewayRejection(.batchUnsupported, "batched mode is not supported: send one event per request")
        }
        if mediaType == structuredMediaType {
            do {
                return (try CloudEvent(parsing: request.body, limits: limits), .structured)
            } catch {
                throw rejection(error)
            }
        }
        guard request.headers["ce-specversion"] != nil else {
            throw GatewayRejection(.unsupportedMediaType,
                                   "send \(structuredMediaType) (structured mode) or the event's attributes as ce-* headers (binary mode)")
        }
        return (try binaryEvent(request, limits: limits), .binary)
    }

    /// Binary mode: `ce-<name>` headers are the attributes (values percent-decoded, §3.1.3.2),
    /// `Content-Type` is `datacontenttype`, the body is `data` (JSON for a JSON media type,
    /// `data_base64` otherwise).
    static func binaryEvent(_ request: HTTPRequest, limits: EnvelopeLimits) throws(GatewayRejection) -> CloudEvent {
        guard request.body.count <= limits.maxEventBytes else {
            throw GatewayRejection(status: 413, reason: EnvelopeError.Reason.tooLarge.rawValue, location: "data",
                                   message: "the data exceeds \(limits.maxEventBytes) bytes")
        }
        var members: [JSONObject.Member] = []
        var seen: Set<String> = []
        for (name, value) in request.headers.fields where name.lowercased().hasPrefix(headerPrefix) {
            let attribute = String(name.lowercased().dropFirst(headerPrefix.count))
            guard seen.insert(attribute).inserted else {
                throw GatewayRejection(.invalidBinaryEvent, "the header ce-\(attribute) is repeated", location: attribute)
            }
            guard let decoded = percentDecoded(value) else {
                throw GatewayRejection(.invalidBinaryEvent, "the header ce-\(attribute) is not valid percent-encoded UTF-8", location: attribute)
            }
            members.append(JSONObject.Member(key: attribute, value: .string(decoded)))
        }
        if let contentType = request.headers["content-type"] {
            members.append(JSONObject.Member(key: "datacontenttype", value: .string(contentType)))
        }
        if !request.body.isEmpty {
            if isJSON(request.mediaType) {
                do {
                    let data = try JSONParser.parse(request.body, options: limits.json)
                    members.append(JSONObject.Member(key: "data", value: data))
                } catch {
                    throw GatewayRejection(.invalidBinaryEvent, "the body is not valid JSON: \(error.reason.rawValue) at line \(error.line), column \(error.column)",
                                           location: "data")
                }
            } else {
                members.append(JSONObject.Member(key: "data_base64", value: .string(Data(request.body).base64EncodedString())))
            }
        }
        do {
            let event = try CloudEvent(object: JSONObject(members: members))
            guard event.serializedBytes().count <= limits.maxEventBytes else {
                throw GatewayRejection(status: 413, reason: EnvelopeError.Reason.tooLarge.rawValue,
                                       message: "the event exceeds \(limits.maxEventBytes) bytes")
            }
            return event
        } catch let error as EnvelopeError {
            throw rejection(error)
        } catch let error as GatewayRejection {
            throw error
        } catch {
            throw GatewayRejection(status: 400, reason: "gateway.invalid-binary-event", message: "\(error)")
        }
    }

    /// Whether `mediaType` is JSON (`application/json` or a `+json` suffix).
    static func isJSON(_ mediaType: String?) -> Bool {
        guard let mediaType else { return true } // CloudEvents: data without a content type is JSON
        return mediaType == "application/json" || mediaType.hasSuffix("+json") || mediaType == "text/json"
    }

    /// The envelope's rejection as an HTTP answer (400, or 413 for a too large event).
    static func rejection(_ error: EnvelopeError) -> GatewayRejection {
        GatewayRejection(status: error.reason == .tooLarge ? 413 : 400, reason: error.reason.rawValue,
                         specificCode: error.jsonError?.reason.rawValue ?? "", location: error.attribute ?? "", message: error.message)
    }

    /// `text` with `%XX` escapes decoded as UTF-8; nil when an escape or the result is invalid.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
