extension JSONReader {
    /// Parses a number at `position` (a `-` or a digit), keeping its exact text.
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw invalidNumber(start, "a digit must follow '-'") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw invalidNumber(start, "leading zeros are not allowed")
            }
        } else if isDigit(bytes[position]) {
            try skipDigits(start)
        } else {
            throw invalidNumber(start, "a digit must follow '-'")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw invalidNumber(start, "a digit must follow the decimal point")
            }
            try skipDigits(start)
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw invalidNumber(start, "a digit must follow the exponent marker")
            }
            try skipDigits(start)
        }
        if position - start > options.maxNumberLength { throw numberTooLong(start) }
        // The grammar above admits ASCII only, so decoding cannot repair anything.
        return JSONNumber(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    /// Skips a run of digits, stopping with an error as soon as the number exceeds its length limit.
    @inline(__always)
    private mutating func skipDigits(_ start: Int) throws(JSONParseError) {
        let limit = scanLimit(from: start, allowing: options.maxNumberLength)
        while position < limit, isDigit(bytes[position]) { position += 1 }
        if position == limit, position - start > options.maxNumberLength { throw numberTooLong(start) }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private func invalidNumber(_ start: Int, _ message: String) -> JSONParseError {
        error(.invalidNumber, at: start, message)
    }

    private func numberTooLong(_ start: Int) -> JSONParseError {
        error(.numberTooLong, at: start, "number longer than the limit of \(options.maxNumberLength) characters")
    }
}
