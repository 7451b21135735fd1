import Foundation

/// The soak's closing summary: first, last and largest value of each series, and the growth of
/// the broker's memory and descriptors between an early and a late window of the run.
struct SoakReport {
    let samples: [SoakSample]
    /// The soak's length, seconds (the samples after it are the drain).
    let duration: Double
    /// The offered rate, events per second.
    let rate: Double

    /// Seconds at the start left out of the early window (start-up: caches, pools, the first WAL).
    var warmUp: Double { min(60, duration / 10) }
    /// The length of the early and the late window: 10 minutes, less in a shorter run.
    var window: Double { min(600, (duration - warmUp) / 2) }

    private var early: [SoakSample] { samples.filter { $0.elapsed >= warmUp && $0.elapsed <= warmUp + window } }
    private var late: [SoakSample] { samples.filter { $0.elapsed >= duration - window && $0.elapsed <= duration + 1 } }

    /// The median of `value` over the early and the late window.
    func medians(_ value: (SoakSample) -> Double) -> (early: Double, late: Double) {
        (Report.median(early.map(value)), Report.median(late.map(value)))
    }

    /// The broker's resident set grew by at most 10 % (and 2 MiB) from the early to the late window.
    var rssHeld: Bool {
        let (first, last) = medians(\.rssMiB)
        return last - first <= max(first * 0.10, 2)
    }

    /// Its descriptors grew by at most 2.
    var fdsHeld: Bool {
        let (first, last) = medians { Double($0.fds) }
        return last - first <= 2
    }

    /// The queue depth stayed bounded: its late median no higher than the early window's largest
    /// value or 2 s of deliveries (both subscriptions), whichever is more.
    var queueBounded: Bool {
        let earlyMax = early.map { Double($0.queueDepth) }.max() ?? 0
        let (_, last) = medians { Double($0.queueDepth) }
        return last <= max(earlyMax, 2 * 2 * rate)
    }

    /// The printed summary.
    var text: String {
        guard let first = samples.first, let last = samples.last else { return "  no samples" }
        var lines: [String] = []
        func series(_ name: String, _ unit: String, _ format: String, _ value: (SoakSample) -> Double) {
            let values = samples.map(value)
            let (early, late) = medians(value)
            func shown(_ number: Double) -> String { String(format: format, number) + unit }
            let change = early != 0 ? String(format: "%+.1f %%", (late - early) / early * 100) : "n/a"
            lines.append("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0)
                         + " first \(shown(value(first)))  last \(shown(value(last)))  max \(shown(values.max() ?? 0))"
                         + "  | median early \(shown(early)) → late \(shown(late)) (\(change))")
        }
        series("gerbangd RSS", " MiB", "%.1f", \.rssMiB)
        series("  of which anonymous", " MiB", "%.1f", \.rssAnonMiB)
        series("  of which file-backed", " MiB", "%.1f", \.rssFileMiB)
        series("gerbangd open fds", "", "%.0f") { Double($0.fds) }
        series("gerbangd threads", "", "%.0f") { Double($0.threads) }
        series("queue depth (broker)", "", "%.0f") { Double($0.queueDepth) }
        series("outstanding (w1's count)", "", "%.0f") { Double($0.w1Outstanding) }
        series("delivered to both", " /s", "%.0f", \.deliveredPerSecond)
        series("publisher lag (max)", " ms", "%.1f", \.publisherLagMs)
        series("gerbangd CPU", " %", "%.0f", \.brokerCPUPercent)
        series("store files", " MiB", "%.0f", \.storeMiB)
        series("w1 RSS", " MiB", "%.1f", \.w1RSSMiB)
        series("load average (1 min)", "", "%.2f", \.load)
        lines.append(String(format: "  windows: early %.0f–%.0f s, late %.0f–%.0f s (medians of the samples in each)",
                            warmUp, warmUp + window, duration - window, duration))
        lines.append("  verdict: RSS \(rssHeld ? "no growth" : "GREW") (≤ 10 %), fds \(fdsHeld ? "no growth" : "GREW") (≤ +2),"
                     + " queue depth \(queueBounded ? "bounded" : "NOT bounded") (late median ≤ max(early max, 2 s of deliveries)),"
                     + " dead letters \(last.dead)")
        return lines.joined(separator: "\n")
    }
}
