import GerbangJSON

/// Why an event was rejected: a stable reason code, the attribute concerned, and a message.
///
/// `Sendable`: a value type made only of value types.
public struct EnvelopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable, machine-readable reason.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The event is larger than ``EnvelopeLimits/maxEventBytes``.
        case tooLarge = "envelope.too-large"
        /// The bytes are not strict JSON; ``EnvelopeError/jsonError`` has the parser's reason and location.
        case invalidJSON = "envelope.invalid-json"
        /// The JSON text is not an object.
        case notAnObject = "envelope.not-an-object"
        /// A required attribute (`id`, `source`, `specversion`, `type`) is absent.
        case missingAttribute = "envelope.missing-attribute"
        /// An attribute has the wrong JSON type (for example a number where a string belongs).
        case wrongType = "envelope.wrong-type"
        /// A member name is neither `data`, `data_base64` nor an attribute name `[a-z0-9]{1,20}`.
        case invalidAttributeName = "envelope.invalid-attribute-name"
        /// An attribute has the right type but an invalid value (empty, bad timestamp, bad URI, ...).
        case invalidAttributeValue = "envelope.invalid-attribute-value"
        /// `specversion` is not `"1.0"`.
        case invalidSpecVersion = "envelope.invalid-specversion"
        /// Both `data` and `data_base64` are present.
        case dataConflict = "envelope.data-conflict"
        /// The event cannot be put in RFC 8785 canonical form (a number outside the double range).
        case notCanonicalizable = "envelope.not-canonicalizable"
    }

    /// The stable reason code.
    public let reason: Reason
    /// The attribute (member name) concerned, when there is one.
    public let attribute: String?
    /// A human-readable explanation; never contains attribute values, which may be personal data.
    public let message: String
    /// For ``Reason/invalidJSON``: the parser's error, with its own reason code and location.
    public let jsonError: JSONParseError?

    /// Creates an error.
    public init(reason: Reason, attribute: String?, message: String, jsonError: JSONParseError? = nil) {
        self.reason = reason
        self.attribute = attribute
        self.message = message
        self.jsonError = jsonError
    }

    /// `envelope.reason (attribute 'name'): message`.
    public var description: String {
        var text = reason.rawValue
        if let attribute { text += " (attribute '\(attribute)')" }
        return text + ": " + message
    }
}
