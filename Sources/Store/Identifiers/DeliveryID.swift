/// The store-wide identifier of one delivery (one event for one subscription).
///
/// `Sendable`: a value type wrapping an `Int64`.
public struct DeliveryID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The numeric identifier.
    public let rawValue: Int64

    /// Wraps a numeric identifier.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a numeric identifier.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// The decimal identifier.
    public var description: String { String(rawValue) }

    /// Orders by identifier.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
