/// The acceptance sequence number of an event: strictly increasing in acceptance order and
/// never reused, even after old events are pruned.
///
/// `Sendable`: a value type wrapping an `Int64`.
public struct EventSequence: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The numeric sequence number (the first event is 1).
    public let rawValue: Int64

    /// Wraps a sequence number.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a sequence number.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// The decimal sequence number.
    public var description: String { String(rawValue) }

    /// Orders by acceptance.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
