import Foundation
import Synchronization

/// Samples the broker's counters once a second (the admin thread calls ``sample(totals:delivered:at:)``)
/// and answers rates per second over the last `window` samples.
///
/// `Sendable`: a `Mutex`-guarded ring of samples.
final class RateSampler: Sendable {
    private struct Sample {
        var time: Date
        var totals: [String: Int]
        var delivered: [String: Int]
    }

    private let samples = Mutex<[Sample]>([])
    /// How many samples are kept (the window is `window - 1` seconds).
    let window: Int

    /// Creates a sampler over `window` samples (default 11, i.e. ten seconds at one per second).
    init(window: Int = 11) {
        self.window = window
    }

    /// Adds a sample.
    func sample(totals: [String: Int], delivered: [String: Int], at time: Date) {
        samples.withLock { samples in
            samples.append(Sample(time: time, totals: totals, delivered: delivered))
            if samples.count > window { samples.removeFirst(samples.count - window) }
        }
    }

    /// Rates per second of the totals and of the deliveries per subscription, and the window in seconds.
    func rates() -> (totals: [String: Double], delivered: [String: Double], seconds: Double) {
        samples.withLock { samples in
            guard let first = samples.first, let last = samples.last, last.time > first.time else { return ([:], [:], 0) }
            let seconds = last.time.timeIntervalSince(first.time)
            func rate(_ new: [String: Int], _ old: [String: Int]) -> [String: Double] {
                new.reduce(into: [:]) { $0[$1.key] = Double($1.value - (old[$1.key] ?? 0)) / seconds }
            }
            return (rate(last.totals, first.totals), rate(last.delivered, first.delivered), seconds)
        }
    }
}
