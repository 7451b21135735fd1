import GerbangJSON

extension CloudEvent {
    /// Builds an event in code (for adapters), checking the same rules as parsing.
    ///
    /// Members are written in this order: `specversion`, `id`, `source`, `type`, the optional
    /// attributes in parameter order, `extensions` in their given order, then `data` or
    /// `data_base64` (`binaryData` is base64-encoded). Passing both `data` and `binaryData`
    /// throws ``EnvelopeError/Reason/dataConflict``.
    public init(
        id: String,
        source: String,
        type: String,
        subject: String? = nil,
        time: String? = nil,
        datacontenttype: String? = nil,
        dataschema: String? = nil,
        traceparent: String? = nil,
        tracestate: String? = nil,
        partitionkey: String? = nil,
        correlationid: String? = nil,
        causationid: String? = nil,
        extensions: KeyValuePairs<String, CloudEventAttributeValue> = [:],
        data: JSONValue? = nil,
        binaryData: [UInt8]? = nil
    ) throws(EnvelopeError) {
        var members: [JSONObject.Member] = []
        func add(_ name: String, _ value: JSONValue?) {
            if let value { members.append(JSONObject.Member(key: name, value: value)) }
        }
        add(CloudEventAttribute.specversion, .string(Self.specVersion))
        add(CloudEventAttribute.id, .string(id))
        add(CloudEventAttribute.source, .string(source))
        add(CloudEventAttribute.type, .string(type))
        add(CloudEventAttribute.subject, subject.map(JSONValue.string))
        add(CloudEventAttribute.time, time.map(JSONValue.string))
        add(CloudEventAttribute.datacontenttype, datacontenttype.map(JSONValue.string))
        add(CloudEventAttribute.dataschema, dataschema.map(JSONValue.string))
        add(CloudEventAttribute.traceparent, traceparent.map(JSONValue.string))
        add(CloudEventAttribute.tracestate, tracestate.map(JSONValue.string))
        add(CloudEventAttribute.partitionkey, partitionkey.map(JSONValue.string))
        add(CloudEventAttribute.correlationid, correlationid.map(JSONValue.string))
        add(CloudEventAttribute.causationid, causationid.map(JSONValue.string))
        for (name, value) in extensions {
            guard !members.contains(where: { $0.key == name }), !CloudEventAttribute.core.contains(name) else {
                throw EnvelopeError(reason: .invalidAttributeName, attribute: name,
                                    message: "extension '\(name)' repeats an attribute given elsewhere")
            }
            add(name, value.jsonValue)
        }
        add(CloudEventAttribute.data, data)
        add(CloudEventAttribute.dataBase64, binaryData.map { JSONValue.string(Base64.encode($0)) })
        try self.init(object: JSONObject(members: members))
    }

    /// A copy of this event with `data` replaced (and any `data_base64` removed).
    public func replacingData(with data: JSONValue) -> CloudEvent {
        var copy = object
        copy[CloudEventAttribute.dataBase64] = nil
        copy[CloudEventAttribute.data] = data
        return CloudEvent(validated: copy)
    }
}
