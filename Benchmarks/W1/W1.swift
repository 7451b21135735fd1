import Foundation
import GMP
import ZeroMQ

/// Benchmark `w1` (issue 5): one publisher (dukcapil), two subscribers (kemensos/bansos and
/// bpjs-kesehatan/kepesertaan, the fan-out of `population.death.registered` in the shipped
/// `Config/routes.yaml`), ~1 KiB signed events, durable and acknowledged, through a real release
/// `gerbangd` child process. See docs/benchmarks.md.
@main
enum W1 {
    static func main() {
        let settings = Settings(arguments: CommandLine.arguments)
        do {
            try run(settings)
        } catch {
            FileHandle.standardError.write(Data("w1: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ settings: Settings) throws {
        let broker = try BrokerChild(extraConfiguration: try settings.extraConfiguration())
        if settings.keep { broker.keepDirectory() }
        defer {
            let status = broker.stop()
            print("gerbangd stopped (SIGTERM), exit status \(status.map(String.init) ?? "none: killed")")
            if settings.keep { print("kept: \(broker.directory.path) (gerbang.yaml, data/, gerbangd.log)") }
        }
        let built = (try? FileManager.default.attributesOfItem(atPath: broker.executable.path)[.modificationDate] as? Date)
            .map { ISO8601DateFormatter().string(from: $0) } ?? "?"
        print("w1: gerbangd \(broker.executable.path) (built \(built); rebuild it after broker changes),"
              + " pid \(broker.process.processIdentifier), \(broker.endpoint)")
        print("gerbangd configuration (\(broker.directory.path)/gerbang.yaml):")
        print(broker.configuration.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        print("  (defaults in force: store.max-batch-size 512, store.max-batch-wait-ms 1, delivery.tick-ms 200,"
              + " limits.max-pending-publishes 10000, limits.max-credit 1000; log level notice)")

        // Sign everything before any timing.
        let throughputEvents = settings.rounds * settings.events
        let latencyEvents = settings.rounds * settings.latencyEvents
        let total = settings.warmUp + throughputEvents + latencyEvents
        let signStart = MonotonicClock.now()
        let events = try BenchmarkEvents(count: total, size: settings.eventBytes, broker: broker)
        print("signed \(Report.grouped(Double(total))) population.death.registered events of \(events.eventBytes) bytes"
              + " (ES256, dukcapil development key) in \(Report.seconds(MonotonicClock.now() - signStart))")
        // The baseline's no-op events: the same bytes with the first one changed, so the broker
        // answers REJECTED event.malformed at byte 0 without verifying, validating or storing.
        var noOp = events.events[0]
        noOp[0] = UInt8(ascii: "x")
        let noOpEvents = [[UInt8]](repeating: noOp, count: settings.events)

        let context = try Context()
        let subscribers = [
            try SubscriberThread(agency: "kemensos", adapter: "bansos", credit: settings.credit, capacity: total,
                                 context: context, broker: broker),
            try SubscriberThread(agency: "bpjs-kesehatan", adapter: "kepesertaan", credit: settings.credit,
                                 capacity: total, context: context, broker: broker),
        ]
        defer { for subscriber in subscribers { subscriber.stop() } }
        let connection = try AdapterConnection(context: context, endpoint: broker.endpoint, brokerPublicKey: broker.publicKey,
                                               secretKeyPath: broker.curveSecretKeyPath(of: "dukcapil"))
        try connection.hello(agency: "dukcapil", adapter: "w1")
        let publisher = Publisher(connection: connection, capacity: total, batch: settings.batch)
        defer { try? connection.send(.bye(.init(reason: .sessionClosed))) }
        print("publisher dukcapil/w1; subscribers \(subscribers.map(\.name).joined(separator: ", ")), CREDIT \(settings.credit),"
              + " one ACK per DELIVER")
        print("throughput: \(settings.rounds) rounds × \(Report.grouped(Double(settings.events))) events, window"
              + " \(settings.window) unanswered, ≤ \(settings.batch) events per PUBLISH; latency: \(settings.rounds) rounds ×"
              + " \(settings.duration) s at \(Report.grouped(Double(settings.rate))) events/s offered")

        // Warm-up (not measured).
        var next = 0
        let warmUp = next..<(next + settings.warmUp)
        try check(try publisher.publishWindowed(events.events, indexes: warmUp, window: settings.window), expected: warmUp.count)
        try waitDelivered(subscribers, upTo: warmUp.upperBound)
        next = warmUp.upperBound
        print("warm-up: \(warmUp.count) events published and delivered to both")
        print(FsyncProbe.describe(in: broker.dataDirectory))

        // (a) Throughput, each round after its baseline round.
        print("\n(a) sustained throughput, delivered to both subscribers (open loop, window \(settings.window))")
        var rates: [Double] = []
        var baselineRates: [Double] = []
        var cpuPerEvent: [Double] = []
        for round in 1...settings.rounds {
            let baseline = try publisher.publishWindowed(noOpEvents, indexes: 0..<noOpEvents.count, window: settings.window,
                                                         tagOffset: 1 << 40, stampSendTimes: false)
            guard baseline.rejected["event.malformed"] == noOpEvents.count else {
                throw BenchmarkError("baseline: expected \(noOpEvents.count) REJECTED event.malformed, got \(baseline.rejected)")
            }
            let baselineRate = Double(noOpEvents.count) / (Double(baseline.lastAnswer - baseline.firstSend) / 1e9)
            baselineRates.append(baselineRate)

            let indexes = next..<(next + settings.events)
            let cpuStart = CPUSample(broker: broker.process.processIdentifier)
            let outcome = try publisher.publishWindowed(events.events, indexes: indexes, window: settings.window)
            try check(outcome, expected: indexes.count)
            try waitDelivered(subscribers, upTo: indexes.upperBound)
            let cpuEnd = CPUSample(broker: broker.process.processIdentifier)
            let cpu = cpuEnd.describe(since: cpuStart, events: indexes.count)
            cpuPerEvent.append(cpuEnd.totalSeconds(since: cpuStart) / Double(indexes.count))
            let lastDelivery = subscribers.map { $0.log.times(indexes).max() ?? 0 }.max() ?? 0
            let elapsed = lastDelivery - outcome.firstSend
            let rate = Double(indexes.count) / (Double(elapsed) / 1e9)
            rates.append(rate)
            let confirmRate = Double(indexes.count) / (Double(outcome.lastAnswer - outcome.firstSend) / 1e9)
            print("  round \(round): \(Report.grouped(rate)) events/s delivered to both (\(Report.grouped(Double(indexes.count)))"
                  + " in \(Report.seconds(elapsed)); ACCEPTED at \(Report.grouped(confirmRate))/s)"
                  + " | baseline \(Report.grouped(baselineRate)) no-op publishes/s")
            print("           \(cpu)")
            next = indexes.upperBound
        }
        let medianRate = Report.median(rates)
        let medianBaseline = Report.median(baselineRates)
        print(String(format: "  median: %@ events/s delivered to both; baseline median %@ no-op publishes/s; ratio %.2fx",
                     Report.grouped(medianRate), Report.grouped(medianBaseline), medianRate / medianBaseline))
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        let medianCPU = Report.median(cpuPerEvent)
        print(String(format: "  CPU: gerbangd + w1 used %.0f µs per event (median); the CPU-bound ceiling on %.0f idle cores"
                     + " would be %@ events/s", medianCPU * 1e6, cores, Report.grouped(cores / medianCPU)))

        // (b) Latency at a fixed offered rate.
        print(FsyncProbe.describe(in: broker.dataDirectory))
        print("\n(b) publish→deliver latency at \(Report.grouped(Double(settings.rate))) events/s offered"
              + " (HdrHistogram, every delivery to either subscriber)")
        var p50s: [Double] = [], p99s: [Double] = [], p999s: [Double] = []
        for round in 1...settings.rounds {
            let indexes = next..<(next + settings.latencyEvents)
            let cpuStart = CPUSample(broker: broker.process.processIdentifier)
            let outcome = try publisher.publishPaced(events.events, indexes: indexes, rate: settings.rate)
            try check(outcome, expected: indexes.count)
            try waitDelivered(subscribers, upTo: indexes.upperBound)
            let cpu = CPUSample(broker: broker.process.processIdentifier).describe(since: cpuStart, events: indexes.count)
            var latency = LatencyRound()
            let sent = Array(publisher.sendTimes[indexes])
            for subscriber in subscribers { latency.record(sent: sent, received: subscriber.log.times(indexes)) }
            let offered = Double(indexes.count) / (Double(sent.last! - sent.first!) / 1e9)
            print("  round \(round): p50 \(Report.milliseconds(latency.p50))  p99 \(Report.milliseconds(latency.p99))"
                  + "  p999 \(Report.milliseconds(latency.p999))  max \(Report.milliseconds(latency.max))"
                  + "  (\(latency.histogram.totalCount) deliveries, offered \(Report.grouped(offered))/s,"
                  + " publisher lag max \(Report.milliseconds(outcome.maxLag / 1_000)))")
            print("           \(cpu)")
            p50s.append(Double(latency.p50))
            p99s.append(Double(latency.p99))
            p999s.append(Double(latency.p999))
            next = indexes.upperBound
        }
        let medianP99 = Report.median(p99s)
        print("  median: p50 \(Report.milliseconds(UInt64(Report.median(p50s))))  p99 \(Report.milliseconds(UInt64(medianP99)))"
              + "  p999 \(Report.milliseconds(UInt64(Report.median(p999s))))")

        print(FsyncProbe.describe(in: broker.dataDirectory))
        let redeliveries = subscribers.map(\.log.redeliveries).reduce(0, +)
        print("\nredeliveries seen: \(redeliveries)")
        print("targets (2-core machine): throughput ≥ 10,000 events/s: \(medianRate >= 10_000 ? "met" : "NOT met")"
              + " (\(Report.grouped(medianRate))); p99 ≤ 10 ms at 2,000 events/s:"
              + " \(settings.rate == 2_000 ? (medianP99 <= 10_000 ? "met" : "NOT met") : "n/a (--rate is not 2000)")"
              + " (\(Report.milliseconds(UInt64(medianP99))))")
    }

    /// Every event of a pass must be ACCEPTED, none as a duplicate.
    static func check(_ outcome: Publisher.Outcome, expected: Int) throws {
        guard outcome.accepted == expected, outcome.duplicates == 0 else {
            throw BenchmarkError("expected \(expected) ACCEPTED without duplicates; got \(outcome.accepted) accepted"
                                 + " (\(outcome.duplicates) duplicates), rejected \(outcome.rejected):"
                                 + " \(outcome.firstRejection ?? "")")
        }
    }

    /// Waits (at most 120 s) until both subscribers received every event below `upTo`.
    static func waitDelivered(_ subscribers: [SubscriberThread], upTo: Int) throws {
        let deadline = MonotonicClock.now() + 120_000_000_000
        while MonotonicClock.now() < deadline {
            for subscriber in subscribers {
                if let failure = subscriber.log.failure { throw BenchmarkError("\(subscriber.name) stopped: \(failure)") }
            }
            if subscribers.allSatisfy({ $0.log.distinct >= upTo }) { return }
            MonotonicClock.sleep(nanoseconds: 200_000)
        }
        let counts = subscribers.map { "\($0.name) \($0.log.distinct)" }.joined(separator: ", ")
        throw BenchmarkError("deliveries missing after 120 s: \(counts) of \(upTo)")
    }
}
