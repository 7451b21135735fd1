import GerbangJSON

/// Where a Gerbang event carries its signature, and which bytes the signature covers.
///
/// The signature is the detached compact JWS in the CloudEvents extension attribute
/// `gerbangjws`. Its payload is the RFC 8785 canonical form of the whole event **without** that
/// attribute (every other attribute, `data` included), so member order and whitespace do not
/// matter but every value does. See docs/signing.md.
public enum EventSignature {
    /// The extension attribute holding the JWS.
    public static let attribute = "gerbangjws"

    /// Parses event bytes into a JSON object (`trust.malformed-event` if they are not one).
    static func object(of bytes: [UInt8], maximumBytes: Int) throws(TrustError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, options: .init(maxInputBytes: maximumBytes))
        } catch {
            throw TrustError(.malformedEvent, "the event is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw TrustError(.malformedEvent, "the event is not a JSON object")
        }
        return object
    }

    /// The signed bytes: the canonical event without the `gerbangjws` attribute.
    public static func payload(of event: JSONObject) throws(TrustError) -> [UInt8] {
        var unsigned = event
        unsigned[attribute] = nil
        do {
            return try unsigned.canonicalBytes()
        } catch {
            throw TrustError(.malformedEvent, "the event has no RFC 8785 form: \(error)")
        }
    }
}
