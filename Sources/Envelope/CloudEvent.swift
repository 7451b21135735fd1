import Foundation
import GerbangJSON

/// A CloudEvents 1.0 event in structured JSON mode (`application/cloudevents+json`).
///
/// The event keeps the JSON object it was parsed from (or built as): member order, number text
/// and every extension attribute survive, so ``serializedBytes()`` re-parses to an identical
/// event. Every `CloudEvent` value is valid: the initialisers and mutators check the attribute
/// rules of the CloudEvents specification, with Gerbang's extensions:
///
/// - required `id`, `source` (URI-reference), `specversion` (`"1.0"`), `type`;
/// - optional `subject`, `time` (RFC 3339), `datacontenttype`, `dataschema` (absolute URI);
/// - `traceparent` / `tracestate` (W3C Trace Context), `partitionkey`, `correlationid`,
///   `causationid`, and the signature ``signatureAttribute`` (`gerbangjws`), all strings;
/// - any other extension named `[a-z0-9]{1,20}` whose value is a string, a boolean or a
///   32-bit integer;
/// - `data` (any JSON) or `data_base64` (RFC 4648 base64), not both.
///
/// `Sendable`: a value type made only of value types.
public struct CloudEvent: Sendable, Hashable {
    /// The only CloudEvents version accepted.
    public static let specVersion = "1.0"
    /// The extension attribute holding the event's compact JWS signature (filled by Trust).
    public static let signatureAttribute = "gerbangjws"

    /// The event as a JSON object, in its member order.
    public private(set) var object: JSONObject

    /// Validates `object` as an event (see the type's rules) and wraps it unchanged.
    public init(object: JSONObject) throws(EnvelopeError) {
        try CloudEventValidator.validate(object)
        self.object = object
    }

    /// Wraps an object already validated.
    init(validated object: JSONObject) { self.object = object }

    // MARK: Required attributes

    /// `id`: identifies the event; unique per `source`.
    public var id: String { string(CloudEventAttribute.id)! }
    /// `source`: the context (a URI-reference) in which the event happened.
    public var source: String { string(CloudEventAttribute.source)! }
    /// `specversion`: always `"1.0"`.
    public var specversion: String { string(CloudEventAttribute.specversion)! }
    /// `type`: the kind of event, for example `population.birth.registered`.
    public var type: String { string(CloudEventAttribute.type)! }

    // MARK: Optional attributes

    /// `subject`: the subject of the event within its source.
    public var subject: String? { string(CloudEventAttribute.subject) }
    /// `time`: when the occurrence happened, as its RFC 3339 text.
    public var time: String? { string(CloudEventAttribute.time) }
    /// The instant `time` names (RFC 3339 `date-time`), or nil when `time` is absent or not one.
    public var timeInstant: Date? { time.flatMap(RFC3339Timestamp.instant) }
    /// `datacontenttype`: media type of `data` (JSON when absent).
    public var datacontenttype: String? { string(CloudEventAttribute.datacontenttype) }
    /// `dataschema`: absolute URI of the schema `data` adheres to.
    public var dataschema: String? { string(CloudEventAttribute.dataschema) }

    // MARK: Extension attributes

    /// `traceparent`: W3C Trace Context parent (`00-<trace-id>-<parent-id>-<flags>`).
    public var traceparent: String? { string(CloudEventAttribute.traceparent) }
    /// `tracestate`: W3C Trace Context vendor state.
    public var tracestate: String? { string(CloudEventAttribute.tracestate) }
    /// `partitionkey`: key that orders related events.
    public var partitionkey: String? { string(CloudEventAttribute.partitionkey) }
    /// `correlationid`: ties the events of one business transaction together.
    public var correlationid: String? { string(CloudEventAttribute.correlationid) }
    /// `causationid`: the `id` of the event that caused this one.
    public var causationid: String? { string(CloudEventAttribute.causationid) }

    /// The compact JWS in ``signatureAttribute``, or nil. Setting replaces the member in place
    /// (or appends it); setting nil removes it. The signature covers ``signingPayload()``, which
    /// leaves this member out, so setting it never changes what is signed.
    public var signature: String? {
        get { string(Self.signatureAttribute) }
        set { object[Self.signatureAttribute] = newValue.map(JSONValue.string) }
    }

    // MARK: Data

    /// `data`: the JSON payload, or nil.
    public var data: JSONValue? { object[CloudEventAttribute.data] }

    /// `data_base64`: the binary payload in its base64 text, or nil.
    public var dataBase64: String? { string(CloudEventAttribute.dataBase64) }

    /// `data_base64` decoded, or nil when there is none.
    public var binaryData: [UInt8]? { dataBase64.flatMap(Base64.decode) }

    // MARK: Generic access

    /// The value of any context attribute (not `data` / `data_base64`), or nil when absent.
    public func attribute(_ name: String) -> CloudEventAttributeValue? {
        guard name != CloudEventAttribute.data, name != CloudEventAttribute.dataBase64,
              let value = object[name] else { return nil }
        return CloudEventAttributeValue(value)
    }

    /// Names of the extension attributes present (everything but the CloudEvents core
    /// attributes and the data members), in member order.
    public var extensionNames: [String] {
        object.keys.filter { !CloudEventAttribute.core.contains($0) }
    }

    /// Sets (or with nil removes) a context attribute, checking the same rules as parsing.
    /// Removing a required attribute, or setting `data` / `data_base64` here, is refused.
    public mutating func setAttribute(_ name: String, to value: CloudEventAttributeValue?) throws(EnvelopeError) {
        guard name != CloudEventAttribute.data, name != CloudEventAttribute.dataBase64 else {
            throw EnvelopeError(reason: .invalidAttributeName, attribute: name,
                                message: "data members are not context attributes")
        }
        var candidate = object
        candidate[name] = value?.jsonValue
        try CloudEventValidator.validate(candidate)
        object = candidate
    }

    private func string(_ name: String) -> String? { object[name]?.stringValue }
}
