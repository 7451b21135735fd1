/// One named value of an audit record. Values are raw bytes: UTF-8 text for text fields,
/// ASCII decimal for numbers, the exact event bytes for `event`.
///
/// `Sendable`: a value type.
public struct AuditField: Sendable, Hashable {
    /// The field name (ASCII, at most 255 bytes).
    public var name: String
    /// The value bytes.
    public var value: [UInt8]

    /// A field with raw bytes.
    public init(_ name: String, bytes: [UInt8]) {
        self.name = name
        self.value = bytes
    }

    /// A UTF-8 text field.
    public init(_ name: String, _ text: String) {
        self.init(name, bytes: Array(text.utf8))
    }

    /// A decimal number field (ASCII digits, a leading `-` when negative).
    public init(_ name: String, _ number: Int64) {
        self.init(name, bytes: Self.decimal(number))
    }

    /// The ASCII decimal digits of `number`, as `String(number)` spells them, written straight
    /// into the value (a record has up to four numbers per settled delivery; the store writer
    /// builds these on its hot path).
    static func decimal(_ number: Int64) -> [UInt8] {
        // The magnitude as unsigned, so that Int64.min has one.
        let magnitude = number.magnitude
        var digitCount = 1
        var scale: UInt64 = 10
        while digitCount < 20 && magnitude >= scale {
            digitCount += 1
            scale = scale &* 10
        }
        let count = digitCount + (number < 0 ? 1 : 0)
        // One allocation of the exact size, filled from the last digit back.
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var rest = magnitude
            var position = count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if number < 0 { buffer[0] = UInt8(ascii: "-") }
            initialized = count
        }
    }

    /// The value as UTF-8 text.
    public var text: String { String(decoding: value, as: UTF8.self) }
}
