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

    /// A decimal number field.
    public init(_ name: String, _ number: Int64) {
        self.init(name, String(number))
    }

    /// The value as UTF-8 text.
    public var text: String { String(decoding: value, as: UTF8.self) }
}
