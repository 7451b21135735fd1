extension BenchmarkRun {
    /// One throughput round as in phase (a), without the baseline: `--events` events published
    /// open loop; events per second delivered to both subscribers (first PUBLISH to last DELIVER).
    func deliveredRate() throws -> Double {
        let indexes = takeIndexes(settings.events)
        let outcome = try publisher.publishWindowed(events.events, indexes: indexes, window: settings.window)
        try Self.check(outcome, expected: indexes.count)
        try waitDelivered(upTo: indexes.upperBound)
        let lastDelivery = subscribers.map { $0.log.times(indexes).max() ?? 0 }.max() ?? 0
        return Double(indexes.count) / (Double(lastDelivery - outcome.firstSend) / 1e9)
    }
}
