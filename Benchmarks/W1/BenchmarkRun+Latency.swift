extension BenchmarkRun {
    /// The medians of phase (b), in microseconds.
    struct LatencySummary {
        var p50: UInt64
        var p99: UInt64
        var p999: UInt64
    }

    /// Phase (b): `--rounds` rounds of `--duration` seconds at the fixed offered `--rate`;
    /// publish→deliver latency of every delivery (both subscribers) in an HdrHistogram per round,
    /// with publish→ACCEPTED beside it.
    func runLatency() throws -> LatencySummary {
        print("\n(b) publish→deliver latency at \(Report.grouped(Double(settings.rate))) events/s offered"
              + " (HdrHistogram, every delivery to either subscriber)")
        var p50s: [Double] = [], p99s: [Double] = [], p999s: [Double] = []
        for round in 1...settings.rounds {
            let indexes = takeIndexes(settings.latencyEvents)
            let cpuStart = cpuSample()
            let outcome = try publisher.publishPaced(events.events, indexes: indexes, rate: settings.rate)
            try Self.check(outcome, expected: indexes.count)
            try waitDelivered(upTo: indexes.upperBound)
            let cpu = cpuSample().describe(since: cpuStart, events: indexes.count)
            var deliver = LatencyRound()
            var confirm = LatencyRound()
            let sent = Array(publisher.sendTimes[indexes])
            for subscriber in subscribers { deliver.record(sent: sent, received: subscriber.log.times(indexes)) }
            confirm.record(sent: sent, received: Array(publisher.acceptTimes[indexes]))
            let span = (sent.last ?? 0) - (sent.first ?? 0)
            let offered = span > 0 ? Double(indexes.count - 1) / (Double(span) / 1e9) : 0
            print("  round \(round): p50 \(Report.milliseconds(deliver.p50))  p99 \(Report.milliseconds(deliver.p99))"
                  + "  p999 \(Report.milliseconds(deliver.p999))  max \(Report.milliseconds(deliver.max))"
                  + "  (\(deliver.histogram.totalCount) deliveries, offered \(Report.grouped(offered))/s,"
                  + " publisher lag max \(Report.milliseconds(outcome.maxLag / 1_000)))")
            print("           publish→ACCEPTED p50 \(Report.milliseconds(confirm.p50))  p99 \(Report.milliseconds(confirm.p99));"
                  + " \(cpu)")
            p50s.append(Double(deliver.p50))
            p99s.append(Double(deliver.p99))
            p999s.append(Double(deliver.p999))
        }
        let summary = LatencySummary(p50: UInt64(Report.median(p50s)), p99: UInt64(Report.median(p99s)),
                                     p999: UInt64(Report.median(p999s)))
        print("  median: p50 \(Report.milliseconds(summary.p50))  p99 \(Report.milliseconds(summary.p99))"
              + "  p999 \(Report.milliseconds(summary.p999))")
        return summary
    }
}
