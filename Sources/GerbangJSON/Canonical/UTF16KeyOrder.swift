/// The member order of RFC 8785 §3.2.3: keys compared as arrays of UTF-16 code units.
///
/// Works on the UTF-8 bytes without transcoding. UTF-8 byte order equals code point order, and
/// UTF-16 order differs from code point order only between supplementary characters (written
/// with surrogates 0xD800–0xDBFF) and BMP characters from U+E000 up, so only the first
/// differing character needs a closer look.
enum UTF16KeyOrder {
    /// True when `lhs` sorts before `rhs` by UTF-16 code units.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let result = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in precedes(left, right) }
        }
        if let result, let result { return result }
        return lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    /// The same order on well-formed UTF-8 buffers.
    static func precedes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(lhs.count, rhs.count)
        var index = 0
        while index < common, lhs[index] == rhs[index] { index += 1 }
        if index == common { return lhs.count < rhs.count }
        if lhs[index] < 0x80, rhs[index] < 0x80 { return lhs[index] < rhs[index] }
        // Both strings agree up to `index`, so the character containing it starts at the same place.
        var start = index
        while start > 0, lhs[start] & 0xC0 == 0x80 { start -= 1 }
        let left = decodeScalar(lhs, at: start)
        let right = decodeScalar(rhs, at: start)
        let leftUnit = firstUTF16Unit(left)
        let rightUnit = firstUTF16Unit(right)
        if leftUnit != rightUnit { return leftUnit < rightUnit }
        return left < right  // both supplementary with the same high surrogate
    }

    private static func firstUTF16Unit(_ scalar: UInt32) -> UInt32 {
        scalar < 0x10000 ? scalar : 0xD800 + ((scalar - 0x10000) >> 10)
    }

    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32 {
        let lead = UInt32(utf8[start])
        switch lead {
        case 0..<0x80: return lead
        case 0xC0..<0xE0: return (lead & 0x1F) << 6 | continuation(utf8, start + 1)
        case 0xE0..<0xF0: return (lead & 0x0F) << 12 | continuation(utf8, start + 1) << 6 | continuation(utf8, start + 2)
        default:
            return (lead & 0x07) << 18 | continuation(utf8, start + 1) << 12
                | continuation(utf8, start + 2) << 6 | continuation(utf8, start + 3)
        }
    }

    private static func continuation(_ utf8: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        UInt32(utf8[index] & 0x3F)
    }
}
