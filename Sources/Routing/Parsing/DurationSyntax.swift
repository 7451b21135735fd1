/// Durations as written in the routes file: a non-negative decimal number and a unit, `ms`, `s`,
/// `m` or `h` (`500ms`, `2s`, `1.5m`, `1h`).
public enum DurationSyntax {
    /// Why a text is not a duration. `Sendable`: a value type.
    public struct SyntaxError: Error, Sendable, Hashable {
        /// What is wrong.
        public let message: String
    }

    /// Parses a duration (rounded to the nanosecond).
    public static func parse(_ text: String) throws(SyntaxError) -> Duration {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("-") {
            throw SyntaxError(message: "duration '\(text)' is negative")
        }
        let digits = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = trimmed.dropFirst(digits.count)
        guard !digits.isEmpty, let number = Double(digits), number.isFinite else {
            throw SyntaxError(message: "'\(text)' is not a duration (a number and a unit: 500ms, 2s, 5m, 1h)")
        }
        let milliseconds: Double
        switch unit {
        case "ms": milliseconds = number
        case "s": milliseconds = number * 1_000
        case "m": milliseconds = number * 60_000
        case "h": milliseconds = number * 3_600_000
        case "": throw SyntaxError(message: "duration '\(text)' needs a unit (ms, s, m or h)")
        default: throw SyntaxError(message: "duration '\(text)' has an unknown unit '\(unit)' (ms, s, m or h)")
        }
        guard milliseconds < 1e15 else { throw SyntaxError(message: "duration '\(text)' is too long") }
        return .nanoseconds(Int64((milliseconds * 1_000_000).rounded()))
    }

    /// A duration in the file's syntax, for messages (`1s`, `250ms`, `5m`, `12h`).
    public static func format(_ duration: Duration) -> String {
        let milliseconds = Int64(RetryPolicy.seconds(duration) * 1_000)
        if milliseconds % 3_600_000 == 0 && milliseconds > 0 { return "\(milliseconds / 3_600_000)h" }
        if milliseconds % 60_000 == 0 && milliseconds > 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1_000 == 0 && milliseconds > 0 { return "\(milliseconds / 1_000)s" }
        return "\(milliseconds)ms"
    }
}

extension String {
    /// The string without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? endIndex
        return start < end ? self[start..<end] : ""
    }
}
