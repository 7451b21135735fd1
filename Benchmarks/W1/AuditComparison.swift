import Foundation
import GMP
import ZeroMQ

/// `w1 --compare-audit` (issue 8): the cost of the audit trail on w1 throughput. Two release
/// `gerbangd` children run side by side, identical but for `audit.enabled` (true: the default;
/// false); each gets its own publisher, two subscribers and events signed with its own
/// development PKI. Throughput rounds alternate between them (which goes first alternates too),
/// so both see the same machine conditions; prints every round, the medians and their ratio.
/// Both brokers use a 60 s heartbeat interval (the idle side's publisher sends nothing meanwhile).
enum AuditComparison {
    /// One broker with its clients.
    final class Side {
        let name: String
        let broker: BrokerChild
        let subscribers: [SubscriberThread]
        let connection: AdapterConnection
        let run: BenchmarkRun
        var rates: [Double] = []
        /// gerbangd CPU seconds per event, per round (less moved by other load than the rate).
        var brokerCPUPerEvent: [Double] = []

        init(name: String, extraConfiguration: String, settings: Settings, context: Context) throws {
            self.name = name
            broker = try BrokerChild(extraConfiguration: extraConfiguration)
            let total = settings.warmUp + settings.rounds * settings.events
            let events = try BenchmarkEvents(count: total, size: settings.eventBytes, broker: broker)
            subscribers = [
                try SubscriberThread(agency: "kemensos", adapter: "bansos", credit: settings.credit, capacity: total,
                                     context: context, broker: broker),
                try SubscriberThread(agency: "bpjs-kesehatan", adapter: "kepesertaan", credit: settings.credit,
                                     capacity: total, context: context, broker: broker),
            ]
            connection = try AdapterConnection(context: context, endpoint: broker.endpoint, brokerPublicKey: broker.publicKey,
                                               secretKeyPath: broker.curveSecretKeyPath(of: "dukcapil"))
            try connection.hello(agency: "dukcapil", adapter: "w1")
            run = BenchmarkRun(settings: settings, broker: broker, events: events,
                               publisher: Publisher(connection: connection, capacity: total, batch: settings.batch),
                               subscribers: subscribers)
        }

        func stop() {
            try? connection.send(.bye(.init(reason: .sessionClosed)))
            for subscriber in subscribers { subscriber.stop() }
            _ = broker.stop()
        }
    }

    static func run(_ settings: Settings) throws {
        // The publisher of one side is idle while the other side runs its round: a 60 s heartbeat
        // interval (liveness 3) keeps its session open however slow the shared machine is.
        let extra = try settings.extraConfiguration() + "\nheartbeat:\n  interval-ms: 60000\n"
        let context = try Context()
        let on = try Side(name: "audit on ", extraConfiguration: extra, settings: settings, context: context)
        defer { on.stop() }
        let off = try Side(name: "audit off", extraConfiguration: extra + "\naudit:\n  enabled: false\n", settings: settings,
                           context: context)
        defer { off.stop() }
        print("w1 --compare-audit: two release gerbangd (\(on.broker.executable.path)), audit.enabled true and false;"
              + " \(settings.rounds) alternating rounds × \(Report.grouped(Double(settings.events))) events each, window"
              + " \(settings.window), ≤ \(settings.batch) events per PUBLISH, ~\(settings.eventBytes)-byte signed events,"
              + " one publisher and two subscribers per broker")
        do {
            try measure(on: on, off: off, settings: settings)
        } catch {
            for side in [on, off] {
                let tail = side.broker.logText.split(separator: "\n").suffix(15).joined(separator: "\n")
                print("\(side.name) gerbangd log (last lines):\n\(tail)")
            }
            throw error
        }
    }

    static func measure(on: Side, off: Side, settings: Settings) throws {
        for side in [on, off] { try side.run.warmUp() }
        print(FsyncProbe.describe(in: on.broker.dataDirectory))
        for round in 1...settings.rounds {
            let order = round.isMultiple(of: 2) ? [off, on] : [on, off]
            var line = "  round \(round):"
            for side in order {
                let before = side.run.cpuSample()
                let rate = try side.run.deliveredRate()
                let cpu = (side.run.cpuSample().broker - before.broker) / Double(settings.events)
                side.rates.append(rate)
                side.brokerCPUPerEvent.append(cpu)
                line += String(format: "  %@ %@ events/s (gerbangd %.0f µs/event)", side.name, Report.grouped(rate), cpu * 1e6)
            }
            print(line)
        }
        let withAudit = Report.median(on.rates)
        let without = Report.median(off.rates)
        print(String(format: "  median: audit on %@ events/s, audit off %@ events/s; ratio on/off %.3f → the audit trail costs %.1f%% of w1 throughput (target ≤ 15%%)",
                     Report.grouped(withAudit), Report.grouped(without), withAudit / without, (1 - withAudit / without) * 100))
        // Paired: each round ran both brokers back to back, so the ratio within a round cancels
        // the load that changes from round to round; the median of those ratios.
        let paired = Report.median(zip(on.rates, off.rates).map { $0 / $1 })
        print(String(format: "  paired: median of the rounds' on/off ratios %.3f → cost %.1f%%", paired, (1 - paired) * 100))
        let cpuOn = Report.median(on.brokerCPUPerEvent)
        let cpuOff = Report.median(off.brokerCPUPerEvent)
        print(String(format: "  gerbangd CPU per event (median): audit on %.0f µs, audit off %.0f µs; on/off %.3f (+%.1f%% CPU)",
                     cpuOn * 1e6, cpuOff * 1e6, cpuOn / cpuOff, (cpuOn / cpuOff - 1) * 100))
        print(FsyncProbe.describe(in: on.broker.dataDirectory))
    }
}
