/// Strict UTF-8 validation (Unicode 15, table 3-7 "Well-Formed UTF-8 Byte Sequences"): no
/// overlong forms, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF. This is exactly what
/// Python's `bytes.decode("utf-8")` accepts, so adapters in other languages agree with us.
enum UTF8Validation {
    /// Whether `bytes` is well-formed UTF-8.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF:
                length = 2
            case 0xE0:
                length = 3
                secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = 3
            case 0xED:
                length = 3
                secondHigh = 0x9F
            case 0xF0:
                length = 4
                secondLow = 0x90
            case 0xF1...0xF3:
                length = 4
            case 0xF4:
                length = 4
                secondHigh = 0x8F
            default:
                return false
            }
            if index + length > count { return false }
            let second = bytes[index + 1]
            if second < secondLow || second > secondHigh { return false }
            var continuation = index + 2
            while continuation < index + length {
                if bytes[continuation] & 0xC0 != 0x80 { return false }
                continuation += 1
            }
            index += length
        }
        return true
    }
}
