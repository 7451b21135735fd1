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
        var magnitude = number.magnitude
        var digits = [UInt8](repeating: 0, count: 20)
        var start = digits.count
        repeat {
            start -= 1
            digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count - start + 1)
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: digits[start...])
        return bytes
    }

    /// The value as UTF-8 text.
    public var text: String { String(decoding: value, as: UTF8.self) }
}
