/// The parsing engine behind ``JSONParser``: one pass over a UTF-8 buffer, no recursion.
///
/// Values of open containers wait on ``pendingValues`` / ``pendingKeys``; each open container is
/// a ``Frame`` remembering where its values start. Closing a container moves its values out in
/// one step, so the work is linear in the input size.
struct JSONReader {
    /// One open array or object.
    struct Frame {
        /// True for an object, false for an array.
        let isObject: Bool
        /// Index in `pendingValues` of this container's first value.
        let valueStart: Int
        /// Index in `pendingKeys` of this object's first key.
        let keyStart: Int
        /// Key → member index, built once an object has more members than a linear scan suits.
        var keyIndex: [JSONKey: Int]?
    }

    /// Objects with more members than this get a hash index (for duplicate detection and lookup).
    static let indexThreshold = 16

    let bytes: UnsafeBufferPointer<UInt8>
    let options: JSONParser.Options
    var position = 0
    var frames: [Frame] = []
    var pendingValues: [JSONValue] = []
    var pendingKeys: [String] = []
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
        self.bytes = bytes
        self.options = options
    }

    /// Parses the whole buffer as one JSON text.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        guard bytes.count <= options.maxInputBytes else {
            throw error(.tooLarge, at: 0, "input is \(bytes.count) bytes; the limit is \(options.maxInputBytes)")
        }
        let value = try parseRootValue()
        skipWhitespace()
        if position < bytes.count {
            throw error(.trailingData, at: position, "unexpected data after the top-level value")
        }
        return value
    }

    // MARK: Structure

    private mutating func parseRootValue() throws(JSONParseError) -> JSONValue {
        nextValue: while true {
            skipWhitespace()
            guard position < bytes.count else { throw unexpectedEnd("a value") }
            var value: JSONValue
            switch bytes[position] {
            case UInt8(ascii: "{"):
                try openContainer()
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    frames.append(Frame(isObject: true, valueStart: pendingValues.count,
                                        keyStart: pendingKeys.count, keyIndex: nil))
                    try parseMemberKey()
                    continue nextValue
                }
            case UInt8(ascii: "["):
                try openContainer()
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, valueStart: pendingValues.count,
                                        keyStart: pendingKeys.count, keyIndex: nil))
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw unexpectedCharacter(expecting: "a value")
            }

            // A value is complete: hand it to its container, closing containers as they end.
            while true {
                guard let frame = frames.last else { return value }
                pendingValues.append(value)
                skipWhitespace()
                guard position < bytes.count else {
                    throw unexpectedEnd(frame.isObject ? "',' or '}'" : "',' or ']'")
                }
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if frame.isObject { try parseMemberKey() }
                    continue nextValue
                }
                if frame.isObject, byte == UInt8(ascii: "}") {
                    position += 1
                    value = .object(closeObject(frame))
                } else if !frame.isObject, byte == UInt8(ascii: "]") {
                    position += 1
                    value = .array(closeArray(frame))
                } else {
                    throw unexpectedCharacter(expecting: frame.isObject ? "',' or '}'" : "',' or ']'")
                }
            }
        }
    }

    /// Checks the depth limit before an array or object is opened and steps over its bracket.
    private mutating func openContainer() throws(JSONParseError) {
        guard frames.count < options.maxDepth else {
            throw error(.tooDeep, at: position, "nesting deeper than the limit of \(options.maxDepth)")
        }
        position += 1
    }

    /// Parses `"key" :` inside the innermost (object) frame, rejecting duplicates.
    private mutating func parseMemberKey() throws(JSONParseError) {
        skipWhitespace()
        guard position < bytes.count else { throw unexpectedEnd("an object key") }
        guard bytes[position] == UInt8(ascii: "\"") else { throw unexpectedCharacter(expecting: "an object key") }
        let keyOffset = position
        let key = try parseString()
        try registerKey(key, at: keyOffset)
        skipWhitespace()
        guard position < bytes.count else { throw unexpectedEnd("':'") }
        guard bytes[position] == UInt8(ascii: ":") else { throw unexpectedCharacter(expecting: "':'") }
        position += 1
    }

    /// Appends `key` to the innermost object, or throws ``JSONParseError/Reason/duplicateKey``.
    private mutating func registerKey(_ key: String, at offset: Int) throws(JSONParseError) {
        let frameIndex = frames.count - 1
        let keyStart = frames[frameIndex].keyStart
        let memberIndex = pendingKeys.count - keyStart
        if frames[frameIndex].keyIndex != nil {
            let inserted = frames[frameIndex].keyIndex!.updateValue(memberIndex, forKey: JSONKey(key)) == nil
            guard inserted else { throw duplicateKey(key, at: offset) }
        } else {
            for index in keyStart..<pendingKeys.count where JSONKey.equal(pendingKeys[index], key) {
                throw duplicateKey(key, at: offset)
            }
            if memberIndex == Self.indexThreshold {
                var keyIndex = [JSONKey: Int](minimumCapacity: Self.indexThreshold * 2)
                for index in keyStart..<pendingKeys.count { keyIndex[JSONKey(pendingKeys[index])] = index - keyStart }
                keyIndex[JSONKey(key)] = memberIndex
                frames[frameIndex].keyIndex = keyIndex
            }
        }
        pendingKeys.append(key)
    }

    private mutating func closeObject(_ frame: Frame) -> JSONObject {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(pendingValues.count - frame.valueStart)
        for (key, value) in zip(pendingKeys[frame.keyStart...], pendingValues[frame.valueStart...]) {
            members.append(JSONObject.Member(key: key, value: value))
        }
        pendingKeys.removeSubrange(frame.keyStart...)
        pendingValues.removeSubrange(frame.valueStart...)
        frames.removeLast()
        return JSONObject(uniqueMembers: members, index: frame.keyIndex)
    }

    private mutating func closeArray(_ frame: Frame) -> [JSONValue] {
        let elements = Array(pendingValues[frame.valueStart...])
        pendingValues.removeSubrange(frame.valueStart...)
        frames.removeLast()
        return elements
    }

    // MARK: Scalars

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        for index in 0..<count {
            guard position + index < bytes.count else { throw unexpectedEnd("'\(literal)'") }
            guard bytes[position + index] == text[index] else {
                position += index
                throw unexpectedCharacter(expecting: "'\(literal)'")
            }
        }
        position += count
    }

    /// The end of a scan from `start` that may cover `limit` bytes plus one (to detect the
    /// excess), clamped to the input; safe for any `limit`, including `Int.max`.
    @inline(__always)
    func scanLimit(from start: Int, allowing limit: Int) -> Int {
        let remaining = bytes.count - start
        return limit >= remaining ? bytes.count : start + max(limit, 0) + 1
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }
}
