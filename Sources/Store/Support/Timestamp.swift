import Foundation

/// Conversions between `Date` and the time format both stores keep: integer milliseconds since
/// the Unix epoch (compact, exact, ordered; SQLite `INTEGER`, PostgreSQL `BIGINT`).
///
/// `Sendable`: a namespace without state.
public enum Timestamp {
    /// Milliseconds since the epoch, rounded down.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The date of a stored millisecond timestamp.
    public static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The date of an optional stored timestamp.
    public static func date(_ milliseconds: Int64?) -> Date? {
        milliseconds.map { date($0) }
    }

    /// Whole milliseconds of a duration (saturating).
    public static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return seconds < 0 ? .min : .max }
        return product + attoseconds / 1_000_000_000_000_000
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number (for the stores' commit-time statistics).
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
