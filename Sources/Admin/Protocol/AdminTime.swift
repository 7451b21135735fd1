import Foundation

/// Times and durations as the admin protocol and the CLI write them. Stateless.
public enum AdminTime {
    /// `2026-11-29T06:01:02.345Z`.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Parses ``iso8601(_:)`` (with or without fractional seconds).
    public static func parseISO8601(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    /// `90` → `1m30s`, `0.25` → `250ms`, `7200` → `2h0m`, `200000` → `2d7h`.
    public static func humanDuration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        let total = Int(seconds.rounded(.down))
        if total < 60 { return "\(total)s" }
        if total < 3_600 { return "\(total / 60)m\(total % 60)s" }
        if total < 86_400 { return "\(total / 3_600)h\((total % 3_600) / 60)m" }
        return "\(total / 86_400)d\((total % 86_400) / 3_600)h"
    }

    /// Parses `30s`, `10m`, `2h`, `7d`, `500ms` or a plain number of seconds; nil otherwise.
    public static func parseDuration(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            // `10ms` must not be read as `10m` + `s`: try the longest suffix first (listed first).
            if let value = Double(number), value >= 0 { return value * factor }
        }
        if let value = Double(text), value >= 0 { return value }
        return nil
    }

    /// `06:01:02.345` in local time (tail lines).
    public static func clock(_ date: Date) -> String {
        let components = Calendar.current.dateComponents([.hour, .minute, .second, .nanosecond], from: date)
        let milliseconds = (components.nanosecond ?? 0) / 1_000_000
        return String(format: "%02d:%02d:%02d.%03d", components.hour ?? 0, components.minute ?? 0, components.second ?? 0,
                      milliseconds)
    }
}
