import Foundation
import Histogram

/// Formatting and statistics for the printed report.
enum Report {
    /// The median (mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `12,345` (rounded).
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var result = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 && character != "-" { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    /// Microseconds as milliseconds with two decimals.
    static func milliseconds(_ microseconds: UInt64) -> String {
        String(format: "%.2f ms", Double(microseconds) / 1_000)
    }

    /// Nanoseconds as seconds with three decimals.
    static func seconds(_ nanoseconds: UInt64) -> String {
        String(format: "%.3f s", Double(nanoseconds) / 1e9)
    }
}

/// Publish→deliver latencies of one latency round, in microseconds, per delivery (each event
/// counts once per subscriber).
struct LatencyRound {
    var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000,
                                      numberOfSignificantValueDigits: .three)

    var p50: UInt64 { histogram.valueAtPercentile(50) }
    var p99: UInt64 { histogram.valueAtPercentile(99) }
    var p999: UInt64 { histogram.valueAtPercentile(99.9) }
    var max: UInt64 { histogram.max }

    /// Records each event's receive time minus its send time.
    mutating func record(sent: [UInt64], received: [UInt64]) {
        for (send, receive) in zip(sent, received) where send > 0 && receive >= send {
            _ = histogram.record(Swift.min((receive - send) / 1_000, 60_000_000))
        }
    }
}
