import Foundation
import GerbangTesting
import GMP
import ZeroMQ

/// Benchmark `w1` (issue 5): one publisher (dukcapil), two subscribers (kemensos/bansos and
/// bpjs-kesehatan/kepesertaan, the fan-out of `population.death.registered` in the shipped
/// `Config/routes.yaml`), ~1 KiB signed events, durable and acknowledged, through a real release
/// `gerbangd` child process. See docs/benchmarks.md. `--compare-audit` runs ``AuditComparison``
/// instead, `--soak SECONDS` the hour-long ``Soak`` (issue 9).
@main
enum W1 {
    static func main() {
        let settings = Settings(arguments: CommandLine.arguments)
        do {
            if settings.compareAudit {
                try AuditComparison.run(settings)
            } else if settings.compareStores {
                try StoreComparison.run(settings)
            } else if let seconds = settings.soakSeconds {
                try Soak.run(settings, seconds: seconds)
            } else {
                try run(settings)
            }
        } catch {
            FileHandle.standardError.write(Data("w1: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ settings: Settings) throws {
        let postgres = settings.store == .postgres ? try PostgresServer() : nil
        defer { postgres?.stop() }
        let brokers = try BrokerNodes(store: settings.store, count: settings.nodes, postgres: postgres,
                                      extraConfiguration: try settings.extraConfiguration())
        let broker = brokers.first
        if settings.keep { broker.keepDirectory() }
        defer {
            for node in brokers.nodes.dropFirst() { node.stop() }
            let status = broker.stop()
            print("gerbangd stopped (SIGTERM), exit status \(status.map(String.init) ?? "none: killed")")
            if settings.keep { print("kept: \(broker.directory.path) (gerbang.yaml, data/, gerbangd.log)") }
        }
        if let postgres, let url = brokers.databaseURL {
            print("w1: store PostgreSQL \(url) (a throwaway server, port \(postgres.port)), \(brokers.nodes.count) node(s):"
                  + " \(brokers.nodes.map(\.endpoint).joined(separator: ", "))")
        }
        let built = (try? FileManager.default.attributesOfItem(atPath: broker.executable.path)[.modificationDate] as? Date)
            .map { ISO8601DateFormatter().string(from: $0) } ?? "?"
        print("w1: gerbangd \(broker.executable.path) (built \(built); rebuild it after broker changes),"
              + " pid \(broker.process.processIdentifier), \(broker.endpoint)")
        print("gerbangd configuration (\(broker.directory.path)/gerbang.yaml):")
        print(broker.configuration.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        print("  (settings not in the file keep their defaults, docs/configuration.md: store.max-batch-size 512,"
              + " store.max-batch-wait-ms 1, delivery.tick-ms 200, limits.max-pending-publishes 10000, limits.max-credit 1000;"
              + " log level notice)")

        // Sign everything before any timing.
        let total = settings.warmUp + settings.rounds * (settings.events + settings.latencyEvents)
        let signStart = MonotonicClock.now()
        let events = try BenchmarkEvents(count: total, size: settings.eventBytes, broker: broker)
        print("signed \(Report.grouped(Double(total))) population.death.registered events of \(events.eventBytes) bytes"
              + " (ES256, dukcapil development key) in \(Report.seconds(MonotonicClock.now() - signStart))")

        let context = try Context()
        let run = try BenchmarkRun.connect(settings: settings, broker: broker,
                                           subscriberBrokers: (brokers.node(forSubscriber: 0), brokers.node(forSubscriber: 1)),
                                           events: events, capacity: total, context: context)
        defer { run.close() }
        let subscribers = run.subscribers
        print("publisher dukcapil/w1; subscribers \(subscribers.map(\.name).joined(separator: ", ")), CREDIT \(settings.credit),"
              + " the DELIVERs read at once acknowledged in one ACK")
        print("throughput: \(settings.rounds) rounds × \(Report.grouped(Double(settings.events))) events, window"
              + " \(settings.window) unanswered, ≤ \(settings.batch) events per PUBLISH; latency: \(settings.rounds) rounds ×"
              + " \(settings.duration) s at \(Report.grouped(Double(settings.rate))) events/s offered")

        try run.warmUp()
        print(FsyncProbe.describe(in: broker.dataDirectory))
        let throughput = try run.runThroughput()
        print(FsyncProbe.describe(in: broker.dataDirectory))
        let latency = try run.runLatency()
        print(FsyncProbe.describe(in: broker.dataDirectory))

        print("\nredeliveries seen: \(subscribers.map(\.log.redeliveries).reduce(0, +))")
        let latencyVerdict = settings.rate == 2_000 ? (latency.p99 <= 10_000 ? "met" : "NOT met") : "n/a (--rate is not 2000)"
        print("targets (2-core machine): throughput ≥ 10,000 events/s: \(throughput.rate >= 10_000 ? "met" : "NOT met")"
              + " (\(Report.grouped(throughput.rate))); p99 ≤ 10 ms at 2,000 events/s: \(latencyVerdict)"
              + " (\(Report.milliseconds(latency.p99)))")
    }
}
