import GerbangJSON

/// Checks a JSON object against the CloudEvents 1.0 attribute rules (see ``CloudEvent``).
enum CloudEventValidator {
    static func validate(_ object: JSONObject) throws(EnvelopeError) {
        for name in CloudEventAttribute.required where object[name] == nil {
            throw EnvelopeError(reason: .missingAttribute, attribute: name, message: "required attribute '\(name)' is missing")
        }
        if object[CloudEventAttribute.data] != nil, object[CloudEventAttribute.dataBase64] != nil {
            throw EnvelopeError(reason: .dataConflict, attribute: CloudEventAttribute.dataBase64,
                                message: "an event carries either 'data' or 'data_base64', not both")
        }
        for member in object {
            try validateMember(member.key, member.value)
        }
    }

    private static func validateMember(_ name: String, _ value: JSONValue) throws(EnvelopeError) {
        switch name {
        case CloudEventAttribute.data:
            return
        case CloudEventAttribute.dataBase64:
            let text = try requireString(name, value)
            guard Base64.isValid(text) else { throw invalidValue(name, "is not RFC 4648 base64") }
        case CloudEventAttribute.specversion:
            let text = try requireString(name, value)
            guard text == CloudEvent.specVersion else {
                throw EnvelopeError(reason: .invalidSpecVersion, attribute: name,
                                    message: "specversion must be \"\(CloudEvent.specVersion)\"")
            }
        case CloudEventAttribute.source:
            let text = try requireNonEmptyString(name, value)
            guard URISyntax.isURIReference(text) else { throw invalidValue(name, "is not a URI-reference") }
        case CloudEventAttribute.dataschema:
            let text = try requireNonEmptyString(name, value)
            guard URISyntax.isAbsoluteURI(text) else { throw invalidValue(name, "is not an absolute URI") }
        case CloudEventAttribute.time:
            let text = try requireNonEmptyString(name, value)
            guard RFC3339Timestamp.isValid(text) else { throw invalidValue(name, "is not an RFC 3339 timestamp") }
        case CloudEventAttribute.traceparent:
            let text = try requireNonEmptyString(name, value)
            guard TraceContext.isValidTraceparent(text) else { throw invalidValue(name, "is not a W3C traceparent") }
        case CloudEventAttribute.tracestate:
            let text = try requireString(name, value)
            guard TraceContext.isValidTracestate(text) else { throw invalidValue(name, "is not a W3C tracestate") }
        default:
            guard CloudEventAttribute.isValidName(name) else {
                throw EnvelopeError(reason: .invalidAttributeName, attribute: name,
                                    message: "attribute names are 1 to 20 characters of [a-z0-9]")
            }
            if CloudEventAttribute.plainStrings.contains(name) {
                _ = try requireNonEmptyString(name, value)
            } else if CloudEventAttributeValue(value) == nil {
                throw EnvelopeError(reason: .wrongType, attribute: name,
                                    message: "extension attributes are strings, booleans or 32-bit integers")
            }
        }
    }

    private static func requireString(_ name: String, _ value: JSONValue) throws(EnvelopeError) -> String {
        guard let text = value.stringValue else {
            throw EnvelopeError(reason: .wrongType, attribute: name, message: "'\(name)' must be a string")
        }
        return text
    }

    private static func requireNonEmptyString(_ name: String, _ value: JSONValue) throws(EnvelopeError) -> String {
        let text = try requireString(name, value)
        guard !text.isEmpty else { throw invalidValue(name, "must not be empty") }
        return text
    }

    private static func invalidValue(_ name: String, _ problem: String) -> EnvelopeError {
        EnvelopeError(reason: .invalidAttributeValue, attribute: name, message: "'\(name)' \(problem)")
    }

    /// The value of JSON integer text (`-?(0|[1-9][0-9]*)`) when it fits in 32 bits.
    static func int32(fromJSONText text: String) -> Int32? {
        guard text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              text != "-0" else { return nil }
        return Int32(text)
    }
}
