/// The identity of one connected consumer (e.g. the broker's id for a ZeroMQ peer), which
/// holds leases on in-flight deliveries.
///
/// `Sendable`: a value type wrapping a `String`.
public struct ConsumerID: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The consumer's identity.
    public let rawValue: String

    /// Wraps a consumer identity.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a consumer identity.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Wraps a consumer identity written as a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The consumer's identity.
    public var description: String { rawValue }
}
