/// The exact value of a JSON number's text: `±digits × 10^exponent`, used where binary
/// floating point would give wrong answers (`multipleOf` 0.0075, integers above 2^53, `1.0`
/// being an integer).
struct DecimalNumber: Hashable, Sendable {
    /// True for a negative, non-zero value.
    var isNegative: Bool
    /// Significant decimal digits (0...9), most significant first, without leading or trailing
    /// zeros. Empty for zero.
    var digits: [UInt8]
    /// Power of ten applied to `digits` read as an integer.
    var exponent: Int

    /// Exponents are clamped to this magnitude; beyond it every value compares as if infinite.
    private static let exponentLimit = 1_000_000_000

    /// Parses JSON number text (`-?int(.frac)?([eE][+-]?digits)?`); nil if it is not one.
    init?(_ text: String) {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        var sawDigit = false
        var fractional = false
        while let byte = utf8.first {
            if byte >= 48 && byte <= 57 {
                sawDigit = true
                if !(digits.isEmpty && byte == 48) { digits.append(byte - 48) }
                if fractional { exponent -= 1 }
            } else if byte == UInt8(ascii: ".") && !fractional {
                fractional = true
            } else {
                break
            }
            utf8 = utf8.dropFirst()
        }
        guard sawDigit else { return nil }
        if let marker = utf8.first {
            guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else { return nil }
            utf8 = utf8.dropFirst()
            var exponentNegative = false
            if utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") {
                exponentNegative = utf8.first == UInt8(ascii: "-")
                utf8 = utf8.dropFirst()
            }
            guard !utf8.isEmpty else { return nil }
            var value = 0
            for byte in utf8 {
                guard byte >= 48 && byte <= 57 else { return nil }
                if value < Self.exponentLimit { value = value * 10 + Int(byte - 48) }
            }
            exponent += exponentNegative ? -min(value, Self.exponentLimit) : min(value, Self.exponentLimit)
        }
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { negative = false; exponent = 0 }
        self.isNegative = negative
        self.digits = digits
        self.exponent = exponent
    }

    var isZero: Bool { digits.isEmpty }

    /// True when the value has no fractional part (`1.0`, `1e2`, `-0`).
    var isInteger: Bool { exponent >= 0 }

    /// Orders two values exactly.
    static func compare(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
        if a.isNegative != b.isNegative { return a.isNegative ? -1 : 1 }
        let magnitude = compareMagnitude(a, b)
        return a.isNegative ? -magnitude : magnitude
    }

    private static func compareMagnitude(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
        if a.isZero || b.isZero { return a.isZero ? (b.isZero ? 0 : -1) : 1 }
        let aTop = a.digits.count + a.exponent
        let bTop = b.digits.count + b.exponent
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        for (x, y) in zip(a.digits, b.digits) where x != y { return x < y ? -1 : 1 }
        return a.digits.count == b.digits.count ? 0 : (a.digits.count < b.digits.count ? -1 : 1)
    }

    /// Whether `self` is an integer multiple of `divisor` (which must be positive), exactly.
    /// Returns nil when the divisor has more than 19 significant digits after scaling; the caller
    /// then falls back to floating point.
    func isMultiple(of divisor: DecimalNumber) -> Bool? {
        if isZero { return true }
        let scale = min(exponent, divisor.exponent)
        let divisorShift = divisor.exponent - scale
        guard divisor.digits.count + divisorShift <= 19 else { return nil }
        var modulus: UInt64 = 0
        for digit in divisor.digits { modulus = modulus * 10 + UInt64(digit) }
        for _ in 0..<divisorShift { modulus *= 10 }
        var remainder: UInt64 = 0
        for digit in digits { remainder = Self.addMod(Self.mulMod(remainder, 10, modulus), UInt64(digit), modulus) }
        let shift = exponent - scale
        if shift > 0 { remainder = Self.mulMod(remainder, Self.powMod(10, shift, modulus), modulus) }
        return remainder == 0
    }

    private static func mulMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((product.high, product.low)).remainder
    }

    private static func addMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b % m)
        if overflow || sum >= m { return sum &- m }
        return sum
    }

    private static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m
        var base = base % m
        var exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = mulMod(result, base, m) }
            base = mulMod(base, base, m)
            exponent >>= 1
        }
        return result
    }
}

extension DecimalNumber {
    /// Whether JSON number text denotes an integer, without allocating in the common case.
    static func isIntegerText(_ text: String) -> Bool {
        var plain = true
        for byte in text.utf8 where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            plain = false
            break
        }
        if plain { return true }
        return DecimalNumber(text)?.isInteger ?? false
    }
}
