/// The name of a subscription (one route's subscriber, e.g. `"dukcapil/death-feed"`).
///
/// `Sendable`: a value type wrapping a `String`.
public struct SubscriptionID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The subscription's name.
    public let rawValue: String

    /// Wraps a subscription name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a subscription name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Wraps a subscription name written as a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The subscription's name.
    public var description: String { rawValue }

    /// Orders by name.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
