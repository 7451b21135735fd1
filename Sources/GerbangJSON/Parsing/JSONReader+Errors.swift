extension JSONReader {
    /// Builds an error at `offset`, computing its line and column (only on the failure path).
    func error(_ reason: JSONParseError.Reason, at offset: Int, _ message: String) -> JSONParseError {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return JSONParseError(reason: reason, offset: offset, line: line, column: offset - lineStart + 1, message: message)
    }

    func unexpectedEnd(_ expected: String) -> JSONParseError {
        error(.unexpectedEnd, at: bytes.count, "input ends where \(expected) was expected")
    }

    /// The byte at `position` is wrong here: reports invalid UTF-8 if it is, else the character.
    func unexpectedCharacter(expecting expected: String) -> JSONParseError {
        let byte = bytes[position]
        if byte >= 0x80 {
            let sequenceEnd = UTF8Validation.endOfSequence(in: bytes, at: position)
            if sequenceEnd == nil {
                return error(.invalidUTF8, at: position, "malformed UTF-8 sequence")
            }
            return error(.unexpectedCharacter, at: position, "unexpected non-ASCII character; expected \(expected)")
        }
        let shown = byte >= 0x20 && byte < 0x7F
            ? "'\(Character(Unicode.Scalar(byte)))'"
            : "byte 0x\(String(byte, radix: 16))"
        return error(.unexpectedCharacter, at: position, "unexpected \(shown); expected \(expected)")
    }

    func duplicateKey(_ key: String, at offset: Int) -> JSONParseError {
        error(.duplicateKey, at: offset, "duplicate object key \"\(key.count > 64 ? String(key.prefix(64)) + "…" : key)\"")
    }
}
