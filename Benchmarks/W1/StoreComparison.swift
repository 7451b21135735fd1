import Foundation
import GerbangTesting
import GMP
import ZeroMQ

/// `w1 --compare-stores` (issue 10): w1 throughput on SQLite, on PostgreSQL with one node and
/// on PostgreSQL with two nodes, in the same run. PostgreSQL is a throwaway server this run
/// starts (`initdb` in a temporary folder, 127.0.0.1, `fsync` and `synchronous_commit` on), so
/// both engines write to the same disk. Every round starts each configuration afresh (empty store
/// or fresh database), warms it up and runs one throughput round (the order rotates from round
/// to round), then stops it. With two nodes the publisher is at node 1 and the subscribers are
/// spread over the nodes (kemensos at node 2, bpjs-kesehatan at node 1), so half the deliveries
/// reach their node by `NOTIFY gerbang_ready`. Prints every round, the medians, and the ratios
/// against SQLite (also paired: the median of the rounds' own ratios).
enum StoreComparison {
    /// One configuration with its clients, for one round.
    final class Side {
        let name: String
        let brokers: BrokerNodes
        let run: BenchmarkRun

        init(name: String, store: BrokerNodes.Store, nodes: Int, postgres: PostgresServer, extraConfiguration: String,
             settings: Settings, context: Context) throws {
            self.name = name
            brokers = try BrokerNodes(store: store, count: nodes, postgres: postgres, extraConfiguration: extraConfiguration)
            let total = settings.warmUp + settings.events
            run = try .connect(settings: settings, broker: brokers.first,
                               subscriberBrokers: (brokers.node(forSubscriber: 0), brokers.node(forSubscriber: 1)),
                               events: try BenchmarkEvents(count: total, size: settings.eventBytes, broker: brokers.first),
                               capacity: total, context: context)
        }

        func stop() {
            run.close()
            brokers.stop()
        }
    }

    static func run(_ settings: Settings) throws {
        let extra = try settings.extraConfiguration() + "\nheartbeat:\n  interval-ms: 60000\n"
        let postgres = try PostgresServer()
        defer { postgres.stop() }
        let configurations: [(name: String, store: BrokerNodes.Store, nodes: Int)] = [
            ("SQLite", .sqlite, 1), ("PostgreSQL, 1 node", .postgres, 1), ("PostgreSQL, 2 nodes", .postgres, 2),
        ]
        let context = try Context()
        print("w1 --compare-stores: release gerbangd (\(BrokerChild.binDirectory.appendingPathComponent("gerbangd").path)) on"
              + " SQLite, on PostgreSQL with 1 node and with 2 nodes (a throwaway server on 127.0.0.1:\(postgres.port),"
              + " fsync and synchronous_commit on), each started afresh every round; \(settings.rounds) rounds ×"
              + " \(Report.grouped(Double(settings.events))) events after a warm-up of \(Report.grouped(Double(settings.warmUp))),"
              + " window \(settings.window), ≤ \(settings.batch) events per PUBLISH, ~\(settings.eventBytes)-byte signed events;"
              + " publisher at node 1, subscribers spread over the nodes")
        var rates = [[Double]](repeating: [], count: configurations.count)
        for round in 1...settings.rounds {
            var line = "  round \(round):"
            let offset = (round - 1) % configurations.count
            for index in (0..<configurations.count).map({ ($0 + offset) % configurations.count }) {
                let configuration = configurations[index]
                let side = try Side(name: configuration.name, store: configuration.store, nodes: configuration.nodes,
                                    postgres: postgres, extraConfiguration: extra, settings: settings, context: context)
                defer { side.stop() }
                do {
                    try side.run.warmUp()
                    let rate = try side.run.deliveredRate()
                    rates[index].append(rate)
                    line += "  \(side.name) \(Report.grouped(rate))"
                } catch {
                    print("\(side.name): gerbangd logs (last lines):\n\(side.brokers.logTail)")
                    throw error
                }
            }
            print(line + " events/s")
        }
        let sqlite = Report.median(rates[0])
        for (index, configuration) in configurations.enumerated() {
            let median = Report.median(rates[index])
            let paired = Report.median(zip(rates[index], rates[0]).map { $0 / $1 })
            print(String(format: "  median %@: %@ events/s delivered to both; ratio to SQLite %.3f (paired %.3f)",
                         configuration.name, Report.grouped(median), median / sqlite, paired))
        }
    }
}
