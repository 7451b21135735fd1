/// A set of Unicode scalars for a regular expression atom: ranges, possibly negated, with an
/// ASCII bitmap for the common case.
struct ScalarSet: Sendable {
    private(set) var ranges: [ClosedRange<UInt32>] = []
    /// Members 0...63 as bits.
    private(set) var asciiLow: UInt64 = 0
    /// Members 64...127 as bits.
    private(set) var asciiHigh: UInt64 = 0
    var negated = false

    init(negated: Bool = false) { self.negated = negated }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        ranges.append(range)
        var scalar = range.lowerBound
        while scalar <= min(range.upperBound, 127) {
            if scalar < 64 { asciiLow |= 1 << UInt64(scalar) } else { asciiHigh |= 1 << UInt64(scalar - 64) }
            scalar += 1
        }
    }

    mutating func insert(_ scalar: UInt32) { insert(scalar...scalar) }

    /// Adds every member of `other` (which must not be negated).
    mutating func formUnion(_ other: ScalarSet) {
        for range in other.ranges { insert(range) }
    }

    /// Whether a scalar of 128 or more is in the ranges (ignoring `negated`).
    func rangesContain(_ scalar: UInt32) -> Bool {
        ranges.contains { $0.contains(scalar) }
    }

    func contains(_ scalar: UInt32) -> Bool {
        let member: Bool
        if scalar < 64 {
            member = asciiLow & (1 << UInt64(scalar)) != 0
        } else if scalar < 128 {
            member = asciiHigh & (1 << UInt64(scalar - 64)) != 0
        } else {
            member = ranges.contains { $0.contains(scalar) }
        }
        return member != negated
    }

    // ECMA-262 character class escapes.
    static let digits: ScalarSet = { var s = ScalarSet(); s.insert(48...57); return s }()
    static let word: ScalarSet = {
        var s = ScalarSet()
        s.insert(48...57); s.insert(65...90); s.insert(97...122); s.insert(95)
        return s
    }()
    /// WhiteSpace and LineTerminator of ECMA-262.
    static let space: ScalarSet = {
        var s = ScalarSet()
        for scalar: UInt32 in [9, 10, 11, 12, 13, 32, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF] { s.insert(scalar) }
        s.insert(0x2000...0x200A)
        return s
    }()
    /// Everything `.` does not match.
    static let lineTerminators: ScalarSet = {
        var s = ScalarSet()
        for scalar: UInt32 in [10, 13, 0x2028, 0x2029] { s.insert(scalar) }
        return s
    }()
}
