/// A pattern on an event's `type`, such as `population.*` or `socialaid.**`.
///
/// A type is a sequence of **segments** separated by `.` (`population.death.registered` has three).
/// A glob is matched segment by segment:
///
/// - a segment without `*` matches exactly that segment (case-sensitive);
/// - `*` inside a segment matches any run of characters **within one segment** (never a `.`),
///   possibly empty: `population.*.registered`, `socialaid.disbursement.s*`, `*`;
/// - a segment that is exactly `**` matches **zero or more whole segments**:
///   `population.**` matches `population.death.registered` (and `population` itself),
///   `**.failed` matches `socialaid.disbursement.failed`, and `**` alone matches every type.
///
/// So `population.*` matches only two-segment types such as `population.deaths`; write
/// `population.**` for every population event. A glob is 1-256 characters of `A-Z a-z 0-9 _ -`,
/// `*` and `.`; segments are not empty; `**` stands alone in its segment and `***` is not allowed.
///
/// `Sendable`: an immutable value type.
public struct TypeGlob: Sendable, Hashable, CustomStringConvertible {
    /// One segment of a glob.
    enum Segment: Sendable, Hashable {
        /// Matches exactly this segment.
        case literal(String)
        /// Matches one segment: the parts in order, each `*` between them matching any run
        /// of characters other than `.` (`["s", ""]` is `s*`).
        case wildcard([String])
        /// `**`: zero or more whole segments.
        case anySegments
    }

    /// The longest glob accepted, in bytes.
    public static let maxLength = 256

    /// The glob as written.
    public let pattern: String
    /// The compiled segments.
    let segments: [Segment]

    /// Compiles a glob, or explains why it is not one (the reason is ``RoutesErrorReason/invalidGlob``).
    public init(_ pattern: String) throws(TypeGlobSyntaxError) {
        guard !pattern.isEmpty else { throw TypeGlobSyntaxError("a type glob cannot be empty") }
        guard pattern.utf8.count <= Self.maxLength else {
            throw TypeGlobSyntaxError("a type glob is at most \(Self.maxLength) characters")
        }
        if let bad = pattern.unicodeScalars.first(where: { !Self.isAllowed($0) }) {
            throw TypeGlobSyntaxError("character '\(bad)' is not allowed in a type glob (A-Z a-z 0-9 _ - * .)")
        }
        var segments: [Segment] = []
        for (index, raw) in pattern.split(separator: ".", omittingEmptySubsequences: false).enumerated() {
            let text = String(raw)
            if text.isEmpty {
                throw TypeGlobSyntaxError("segment \(index + 1) is empty (a '.' at the start, at the end or twice)")
            } else if text == "**" {
                // Two `**` in a row add nothing; keep one so matching stays linear in the common case.
                if segments.last != .anySegments { segments.append(.anySegments) }
            } else if text.contains("**") {
                throw TypeGlobSyntaxError("'**' must be a whole segment, not part of '\(text)'")
            } else if text.contains("*") {
                segments.append(.wildcard(text.split(separator: "*", omittingEmptySubsequences: false).map(String.init)))
            } else {
                segments.append(.literal(text))
            }
        }
        self.pattern = pattern
        self.segments = segments
    }

    /// The glob as written.
    public var description: String { pattern }

    /// Whether the glob has no `*`, i.e. names exactly one type.
    public var isExact: Bool {
        segments.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "*", ".": true
        default: false
        }
    }

    /// Two globs are equal when written the same.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.pattern == rhs.pattern }

    /// Hashes the glob as written.
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
