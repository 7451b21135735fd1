extension JSONValue {
    /// The compact JSON text of this value: members in document order, numbers exactly as
    /// their text, no whitespace, minimal string escaping. Parsing the result gives back an
    /// equal value, and serialising that gives the same bytes.
    public func serializedBytes() -> [UInt8] {
        var output = JSONOutput()
        output.appendCompact(self)
        return output.bytes
    }

    /// ``serializedBytes()`` as a `String`.
    public func serializedString() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }
}

extension JSONObject {
    /// The compact JSON text of this object (see ``JSONValue/serializedBytes()``).
    public func serializedBytes() -> [UInt8] { JSONValue.object(self).serializedBytes() }

    /// ``serializedBytes()`` as a `String`.
    public func serializedString() -> String { JSONValue.object(self).serializedString() }
}

extension JSONOutput {
    /// Writes `value` compactly. Recursion depth equals the value's nesting, which the parser
    /// bounds by ``JSONParser/Options/maxDepth``.
    mutating func appendCompact(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let flag): flag ? append("true") : append("false")
        case .number(let number): appendRaw(number.text)
        case .string(let string): appendString(string)
        case .array(let elements):
            append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { append(UInt8(ascii: ",")) }
                appendCompact(element)
            }
            append(UInt8(ascii: "]"))
        case .object(let object):
            append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { append(UInt8(ascii: ",")) }
                appendString(member.key)
                append(UInt8(ascii: ":"))
                appendCompact(member.value)
            }
            append(UInt8(ascii: "}"))
        }
    }
}
