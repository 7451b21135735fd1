/// A native record or a delivered event that cannot be mapped: a stable ``reason`` code (an
/// identifier such as `dukcapil.invalid-nik`, also used as the NACK reason), the ``field`` at
/// fault and a message without personal data. `Sendable`: a value type.
public struct MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The adapter's reason code, e.g. `csv.missing-column`.
    public var reason: String
    /// The field (column, JSON member) at fault, or empty.
    public var field: String
    /// What is wrong, for people.
    public var message: String

    /// Creates an error.
    public init(_ reason: String, field: String = "", _ message: String) {
        self.reason = reason
        self.field = field
        self.message = message
    }

    /// `reason (field): message`.
    public var description: String {
        field.isEmpty ? "\(reason): \(message)" : "\(reason) (\(field)): \(message)"
    }
}
