import Foundation

extension BenchmarkRun {
    /// The medians of phase (a).
    struct ThroughputSummary {
        /// Events per second delivered to both subscribers.
        var rate: Double
        /// No-op publishes answered per second.
        var baseline: Double
        /// CPU seconds of gerbangd and w1 together per event.
        var cpuPerEvent: Double
    }

    /// Phase (a): `--rounds` rounds, each a baseline round of no-op publishes and then
    /// `--events` events published open loop with at most `--window` unanswered; each round's
    /// figure is its events over the time from the first PUBLISH to the last DELIVER.
    func runThroughput() throws -> ThroughputSummary {
        print("\n(a) sustained throughput, delivered to both subscribers (open loop, window \(settings.window))")
        var rates: [Double] = []
        var baselineRates: [Double] = []
        var cpuPerEvent: [Double] = []
        for round in 1...settings.rounds {
            let baselineRate = try runBaselineRound()
            baselineRates.append(baselineRate)

            let indexes = takeIndexes(settings.events)
            let cpuStart = cpuSample()
            let outcome = try publisher.publishWindowed(events.events, indexes: indexes, window: settings.window)
            try Self.check(outcome, expected: indexes.count)
            try waitDelivered(upTo: indexes.upperBound)
            let cpuEnd = cpuSample()
            cpuPerEvent.append(cpuEnd.totalSeconds(since: cpuStart) / Double(indexes.count))
            let lastDelivery = subscribers.map { $0.log.times(indexes).max() ?? 0 }.max() ?? 0
            let elapsed = lastDelivery - outcome.firstSend
            let rate = Double(indexes.count) / (Double(elapsed) / 1e9)
            rates.append(rate)
            let confirmRate = Double(indexes.count) / (Double(outcome.lastAnswer - outcome.firstSend) / 1e9)
            print("  round \(round): \(Report.grouped(rate)) events/s delivered to both (\(Report.grouped(Double(indexes.count)))"
                  + " in \(Report.seconds(elapsed)); ACCEPTED at \(Report.grouped(confirmRate))/s)"
                  + " | baseline \(Report.grouped(baselineRate)) no-op publishes/s")
            print("           \(cpuEnd.describe(since: cpuStart, events: indexes.count))")
        }
        let summary = ThroughputSummary(rate: Report.median(rates), baseline: Report.median(baselineRates),
                                        cpuPerEvent: Report.median(cpuPerEvent))
        print(String(format: "  median: %@ events/s delivered to both; baseline median %@ no-op publishes/s; ratio %.2fx",
                     Report.grouped(summary.rate), Report.grouped(summary.baseline), summary.rate / summary.baseline))
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        print(String(format: "  CPU: gerbangd + w1 used %.0f µs per event (median); the CPU-bound ceiling on %.0f idle cores"
                     + " would be %@ events/s", summary.cpuPerEvent * 1e6, cores,
                     Report.grouped(cores / summary.cpuPerEvent)))
        return summary
    }

    /// One baseline round: `--events` no-op publishes with the same window; answers per second.
    private func runBaselineRound() throws -> Double {
        let outcome = try publisher.publishWindowed(noOpEvents, indexes: 0..<noOpEvents.count, window: settings.window,
                                                    tagOffset: 1 << 40, stampSendTimes: false)
        guard outcome.rejected["event.malformed"] == noOpEvents.count else {
            throw BenchmarkError("baseline: expected \(noOpEvents.count) REJECTED event.malformed, got \(outcome.rejected)")
        }
        return Double(noOpEvents.count) / (Double(outcome.lastAnswer - outcome.firstSend) / 1e9)
    }
}
