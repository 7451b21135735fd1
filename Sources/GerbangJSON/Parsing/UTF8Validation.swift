/// Locates malformed UTF-8 precisely (the standard library only says whether a buffer is valid).
///
/// Well-formed means RFC 3629 / Unicode Table 3-7: no overlong forms, no encoded surrogates
/// (U+D800 to U+DFFF), nothing above U+10FFFF.
enum UTF8Validation {
    /// The offset just past the well-formed sequence starting at `start`, or nil if it is malformed.
    static func endOfSequence(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return start + 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard start + length <= bytes.count, secondRange.contains(bytes[start + 1]) else { return nil }
        for index in (start + 2)..<(start + length) where bytes[index] & 0xC0 != 0x80 { return nil }
        return start + length
    }

    /// The offset of the first byte in `start..<end` that begins a malformed sequence, or nil.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            guard let next = endOfSequence(in: bytes, at: index), next <= end else { return index }
            index = next
        }
        return nil
    }
}
