/// The version of an event type's schema: semantic versioning `MAJOR.MINOR.PATCH`.
///
/// Versions compare numerically (`1.10.0` is newer than `1.9.0`). See `docs/catalogue.md` for
/// which changes need which part raised.
///
/// `Sendable`: a value type made of integers.
public struct SchemaVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Raised for a change that rejects events the previous version accepted.
    public var major: Int
    /// Raised for a backwards-compatible addition (a new optional field).
    public var minor: Int
    /// Raised for a change that accepts and rejects exactly the same events (descriptions, fixes).
    public var patch: Int

    /// Creates a version.
    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `MAJOR.MINOR.PATCH`: three decimal numbers without leading zeros, each at most 9 digits.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard (1...9).contains(part.utf8.count),
                  part.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  part == "0" || part.first != "0",
                  let number = Int(part)
            else { return nil }
            numbers.append(number)
        }
        self.init(major: numbers[0], minor: numbers[1], patch: numbers[2])
    }

    public static func < (lhs: SchemaVersion, rhs: SchemaVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}
