extension JSONValue {
    /// The RFC 8785 (JSON Canonicalization Scheme) form of this value, as UTF-8 bytes.
    ///
    /// - Object members are sorted by their keys' UTF-16 code units (§3.2.3), recursively.
    /// - Numbers are read as IEEE 754 doubles and written as ECMAScript `Number::toString` does
    ///   (§3.2.2.3): `1e21` → `1e+21`, `1.0` → `1`, `-0` → `0`. A number that overflows to
    ///   infinity throws ``JCSError/Reason/numberOutOfRange``.
    /// - Strings use minimal escaping (§3.2.2.2); no whitespace anywhere.
    ///
    /// Signatures are computed over exactly these bytes.
    public func canonicalBytes() throws(JCSError) -> [UInt8] {
        var output = JSONOutput()
        try output.appendCanonical(self)
        return output.bytes
    }

    /// ``canonicalBytes()`` as a `String`.
    public func canonicalString() throws(JCSError) -> String {
        String(decoding: try canonicalBytes(), as: UTF8.self)
    }
}

extension JSONObject {
    /// The RFC 8785 canonical form of this object (see ``JSONValue/canonicalBytes()``).
    public func canonicalBytes() throws(JCSError) -> [UInt8] { try JSONValue.object(self).canonicalBytes() }

    /// ``canonicalBytes()`` as a `String`.
    public func canonicalString() throws(JCSError) -> String { try JSONValue.object(self).canonicalString() }
}

extension JSONNumber {
    /// The number as RFC 8785 writes it (ECMAScript `Number::toString` of its nearest double).
    public func canonicalText() throws(JCSError) -> String {
        var output = JSONOutput(capacity: 32)
        try output.appendCanonical(self)
        return String(decoding: output.bytes, as: UTF8.self)
    }
}

extension JSONOutput {
    /// Writes `value` canonically. Recursion depth equals the value's nesting.
    mutating func appendCanonical(_ value: JSONValue) throws(JCSError) {
        switch value {
        case .null: append("null")
        case .bool(let flag): flag ? append("true") : append("false")
        case .number(let number): try appendCanonical(number)
        case .string(let string): appendString(string)
        case .array(let elements):
            append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { append(UInt8(ascii: ",")) }
                do { try appendCanonical(element) } catch { throw error.nested(under: String(position)) }
            }
            append(UInt8(ascii: "]"))
        case .object(let object):
            try appendCanonical(object.members)
        }
    }

    /// Writes an object's members in UTF-16 key order. The member order is sorted as indices in
    /// a stack buffer (insertion sort: objects are small), so members are never copied around.
    private mutating func appendCanonical(_ members: [JSONObject.Member]) throws(JCSError) {
        append(UInt8(ascii: "{"))
        let count = members.count
        let result = withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
            for index in 0..<count { order.initializeElement(at: index, to: index) }
            if count > 64 {
                var order = order
                order.sort { UTF16KeyOrder.precedes(members[$0].key, members[$1].key) }
            } else {
                for unsorted in 1..<max(count, 1) {
                    let candidate = order[unsorted]
                    var slot = unsorted
                    while slot > 0, UTF16KeyOrder.precedes(members[candidate].key, members[order[slot - 1]].key) {
                        order[slot] = order[slot - 1]
                        slot -= 1
                    }
                    order[slot] = candidate
                }
            }
            return Result { () throws(JCSError) in
                for position in 0..<count {
                    let index = order[position]
                    if position > 0 { append(UInt8(ascii: ",")) }
                    appendString(members[index].key)
                    append(UInt8(ascii: ":"))
                    do throws(JCSError) {
                        try appendCanonical(members[index].value)
                    } catch {
                        throw error.nested(under: members[index].key)
                    }
                }
            }
        }
        try result.get()
        append(UInt8(ascii: "}"))
    }

    /// Writes a number canonically.
    mutating func appendCanonical(_ number: JSONNumber) throws(JCSError) {
        var text = number.text
        let handled = text.withUTF8 { utf8 in
            guard ECMAScriptNumberFormatter.isShortSafeInteger(utf8) else { return false }
            if utf8.count == 2, utf8[0] == UInt8(ascii: "-") , utf8[1] == UInt8(ascii: "0") {
                bytes.append(UInt8(ascii: "0"))
            } else {
                bytes.append(contentsOf: utf8)
            }
            return true
        }
        if handled { return }
        guard let double = Double(text), double.isFinite else {
            throw JCSError(reason: .numberOutOfRange, pointer: "",
                           message: "a number is outside the range of an IEEE 754 double")
        }
        ECMAScriptNumberFormatter.append(double, to: &bytes)
    }
}
