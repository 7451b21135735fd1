extension JSONReader {
    /// Parses a string starting at the opening quote at `position`; leaves `position` after the closing quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let openingQuote = position
        position += 1
        let start = position
        // Fast path: no escapes. Raw length equals decoded length, so the limit bounds the scan.
        let scanEnd = scanLimit(from: start, allowing: options.maxStringBytes)
        var allBytes: UInt8 = 0  // OR of every byte: bit 7 set when the string is not ASCII
        while position < scanEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                if allBytes & 0x80 != 0 { try validateUTF8(from: start) }
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return string
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(openingQuote: openingQuote)
            }
            if byte < 0x20 { throw controlCharacter() }
            allBytes |= byte
            position += 1
        }
        if position == bytes.count { throw unexpectedEnd("the end of a string") }
        throw stringTooLong(openingQuote)
    }

    /// The slow path, entered at the first backslash: decodes into `scratch`.
    private mutating func parseEscapedString(openingQuote: Int) throws(JSONParseError) -> String {
        let start = openingQuote + 1
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                // Escapes always decode to well-formed UTF-8, so checking the raw bytes suffices.
                try validateUTF8(from: start)
                let string = String(decoding: scratch, as: UTF8.self)
                position += 1
                return string
            }
            if byte == UInt8(ascii: "\\") {
                try appendEscape()
            } else {
                if byte < 0x20 { throw controlCharacter() }
                scratch.append(byte)
                position += 1
            }
            if scratch.count > options.maxStringBytes { throw stringTooLong(openingQuote) }
        }
        throw unexpectedEnd("the end of a string")
    }

    /// Decodes one escape sequence at `position` into `scratch`.
    private mutating func appendEscape() throws(JSONParseError) {
        let escapeStart = position
        guard position + 1 < bytes.count else { throw unexpectedEnd("an escape sequence") }
        let decoded: UInt8
        switch bytes[position + 1] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            position += 2
            let unit = try readHexQuad(escapeStart: escapeStart)
            var scalarValue = UInt32(unit)
            if (0xDC00...0xDFFF).contains(unit) {
                throw error(.loneSurrogate, at: escapeStart, "low surrogate \\u\(hex(unit)) without a high surrogate before it")
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard position + 1 < bytes.count,
                      bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw error(.loneSurrogate, at: escapeStart, "high surrogate \\u\(hex(unit)) not followed by a low surrogate")
                }
                let lowStart = position
                position += 2
                let low = try readHexQuad(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(.loneSurrogate, at: escapeStart, "high surrogate \\u\(hex(unit)) not followed by a low surrogate")
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            }
            // Not a surrogate (checked above), so always a valid scalar.
            let scalar = Unicode.Scalar(scalarValue)!
            scratch.append(contentsOf: UTF8.encode(scalar)!)
            return
        default:
            throw error(.invalidEscape, at: escapeStart, "unknown escape sequence")
        }
        scratch.append(decoded)
        position += 2
    }

    /// Reads four hex digits at `position`.
    private mutating func readHexQuad(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        guard position + 4 <= bytes.count else { throw unexpectedEnd("four hex digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.invalidEscape, at: escapeStart, "\\u must be followed by four hex digits")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// Checks that the raw string bytes `start..<position` are well-formed UTF-8.
    private func validateUTF8(from start: Int) throws(JSONParseError) {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes, from: start, to: position) {
            throw error(.invalidUTF8, at: offset, "malformed UTF-8 sequence in a string")
        }
    }

    private func controlCharacter() -> JSONParseError {
        error(.controlCharacter, at: position,
              "raw control character 0x\(hex(UInt16(bytes[position]))) in a string; it must be escaped")
    }

    private func stringTooLong(_ openingQuote: Int) -> JSONParseError {
        error(.stringTooLong, at: openingQuote, "string longer than the limit of \(options.maxStringBytes) bytes")
    }

    private func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
