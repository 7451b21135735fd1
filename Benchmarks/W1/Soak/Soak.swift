import Foundation
import GMP
import ZeroMQ

/// `w1 --soak SECONDS` (issue 9): the w1 set-up (a release gerbangd child, the dukcapil
/// publisher, the two subscribers), a short measurement of the sustained throughput as in phase
/// (a), then SECONDS of publishing at half of it, paced by the clock, while a sampler thread
/// writes gerbangd's RSS, open descriptors and queue depth to a CSV every `--soak-interval`.
/// See docs/benchmarks.md, soak.
enum Soak {
    static func run(_ settings: Settings, seconds: Double) throws {
        let csv = URL(fileURLWithPath: settings.soakCSVPath ?? defaultCSVName())
        let broker = try BrokerChild(extraConfiguration: try settings.extraConfiguration())
        if settings.keep { broker.keepDirectory() }
        defer {
            let status = broker.stop()
            print("gerbangd stopped (SIGTERM), exit status \(status.map(String.init) ?? "none: killed")")
            if settings.keep { print("kept: \(broker.directory.path) (gerbang.yaml, data/, gerbangd.log)") }
        }
        print("w1 --soak \(Int(seconds)) s: gerbangd \(broker.executable.path), pid \(broker.process.processIdentifier),"
              + " \(broker.endpoint), metrics port \(broker.metricsPort.map(String.init) ?? "none")")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.hostName),"
              + " load average \(ProcessStatus.loadAverage()) at the start; started \(ISO8601DateFormatter().string(from: Date()))")

        let measured = settings.warmUp + settings.rounds * settings.events
        let events = try BenchmarkEvents(count: measured, size: settings.eventBytes, broker: broker)
        let context = try Context()
        // The logs grow as the soak's events arrive (16 bytes per event for both).
        let limit = measured + Int(seconds * 100_000)
        let run = try BenchmarkRun.connect(settings: settings, broker: broker, subscriberBrokers: (broker, broker),
                                           events: events, capacity: measured, limit: limit, context: context)
        defer { run.close() }
        let subscribers = run.subscribers
        try run.warmUp()

        // The maximum, measured now on this machine under its current load, as phase (a) does.
        let maximum = try run.runThroughput().rate
        let rate = Double(settings.soakRate ?? Int(maximum / 2))
        guard rate >= 1 else { throw BenchmarkError("measured \(maximum) events/s: nothing to soak at") }
        let count = Int((rate * seconds).rounded())
        let indexes = measured..<(measured + count)
        print("\nsoak: \(Report.grouped(rate)) events/s offered (\(settings.soakRate == nil ? "half the" : "--soak-rate; the")"
              + " measured maximum \(Report.grouped(maximum)) events/s) for \(Int(seconds)) s = \(Report.grouped(Double(count)))"
              + " events, signed as they go; window \(settings.window) unanswered; a sample every"
              + " \(settings.soakInterval) s into \(csv.path)")
        print("  queue depth = the broker's gerbang_queue_depth (ready + inflight + waiting, both subscriptions) from"
              + " its /metrics; w1 = ACCEPTED events not yet received, counted per subscriber")

        fflush(nil)  // the set-up's lines, before the hour (stdout is a file under nohup)
        let counters = SoakCounters()
        let start = MonotonicClock.now()
        let sampler = try SoakSampler(
            sources: .init(brokerPID: broker.process.processIdentifier, metricsPort: broker.metricsPort,
                           dataDirectory: broker.dataDirectory, counters: counters, logs: subscribers.map(\.log),
                           deliveredBefore: subscribers.map(\.log.distinct)),
            interval: settings.soakInterval, start: start, csv: csv)
        let outcome: Publisher.Outcome
        do {
            outcome = try run.publisher.publishSoak(indexes: indexes, rate: rate, window: settings.window, counters: counters) {
                try events.signed(index: $0)
            }
            // With a REJECTED event, not all will arrive: the check below reports it.
            if outcome.accepted == count { try run.waitDelivered(upTo: indexes.upperBound) }
        } catch {
            _ = sampler.stop()
            throw error
        }
        let published = MonotonicClock.now()
        let samples = sampler.stop()

        print("\nsoak finished: \(Report.grouped(Double(outcome.accepted))) ACCEPTED, rejected \(outcome.rejected),"
              + " \(outcome.duplicates) duplicates, in \(Report.seconds(published - start)) (publishing and the drain);"
              + " publisher lag max \(Report.milliseconds(outcome.maxLag / 1_000));"
              + " redeliveries seen \(subscribers.map(\.log.redeliveries).reduce(0, +))")
        print("\(samples.count) samples in \(csv.path)")
        print(SoakReport(samples: samples, duration: seconds, rate: rate).text)
        try Self.check(outcome, expected: count)
    }

    /// Every soak event must be ACCEPTED, none as a duplicate (checked after the summary is out).
    private static func check(_ outcome: Publisher.Outcome, expected: Int) throws {
        try BenchmarkRun.check(outcome, expected: expected)
    }

    /// `w1-soak-20261129T0930Z.csv`.
    private static func defaultCSVName() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd'T'HHmm'Z'"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return "w1-soak-\(formatter.string(from: Date())).csv"
    }
}
