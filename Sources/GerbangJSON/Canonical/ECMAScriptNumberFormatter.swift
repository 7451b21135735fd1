/// Writes doubles the way ECMAScript's `Number::toString` does (ECMA-262 §7.1.12.1 / §6.1.6.1.20),
/// which RFC 8785 §3.2.2.3 requires.
///
/// The shortest round-tripping digits come from Swift's `Double.description` (shortest digit
/// string that reads back as the same double, the closest one when several are that short —
/// the same choice ECMAScript makes); only their placement is re-formatted here.
enum ECMAScriptNumberFormatter {
    /// True for JSON integer text of at most 15 digits (`-?[0-9]{1,15}`): such a number is
    /// exactly representable, and ECMAScript writes it as the same digits (`-0` becomes `0`).
    @inline(__always)
    static func isShortSafeInteger(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = utf8.count
        var index = 0
        if digits > 0, utf8[0] == UInt8(ascii: "-") {
            digits -= 1
            index = 1
        }
        guard digits >= 1, digits <= 15 else { return false }
        while index < utf8.count {
            guard utf8[index] &- UInt8(ascii: "0") < 10 else { return false }
            index += 1
        }
        return true
    }

    /// Appends `value` (finite) in ECMAScript form.
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        precondition(value.isFinite, "ECMAScript Number::toString is only used for finite values here")
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))  // both +0 and -0
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }

        // Decompose Swift's shortest form ("1.2345e+20", "0.001", "100.0") into the digits s
        // (no leading or trailing zeros, k of them) and n, with value = 0.s × 10^n.
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var n = 0
        var description = value.magnitude.description
        description.withUTF8 { text in
            var index = 0
            var integerDigits = 0
            var seenPoint = false
            while index < text.count, text[index] != UInt8(ascii: "e") {
                let byte = text[index]
                if byte == UInt8(ascii: ".") {
                    seenPoint = true
                } else {
                    if !seenPoint { integerDigits += 1 }
                    digits.append(byte)
                }
                index += 1
            }
            var exponent = 0
            if index < text.count {
                index += 1
                var negative = false
                if text[index] == UInt8(ascii: "-") { negative = true; index += 1 }
                else if text[index] == UInt8(ascii: "+") { index += 1 }
                while index < text.count {
                    exponent = exponent * 10 + Int(text[index] - UInt8(ascii: "0"))
                    index += 1
                }
                if negative { exponent = -exponent }
            }
            n = integerDigits + exponent
        }
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        digits.removeFirst(leadingZeros)
        n -= leadingZeros
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count

        if k <= n, n <= 21 {
            // Integer: the digits, then n - k zeros.
            bytes.append(contentsOf: digits)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n, n <= 21 {
            // Decimal point inside the digits.
            bytes.append(contentsOf: digits[..<n])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[n...])
        } else if -6 < n, n <= 0 {
            // "0.", -n zeros, the digits.
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            bytes.append(contentsOf: digits)
        } else {
            // Exponential: d[.ddd]e±(n-1).
            bytes.append(digits[0])
            if k > 1 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: digits[1...])
            }
            bytes.append(UInt8(ascii: "e"))
            let exponent = n - 1
            bytes.append(exponent > 0 ? UInt8(ascii: "+") : UInt8(ascii: "-"))
            bytes.append(contentsOf: String(exponent.magnitude).utf8)
        }
    }
}
