import Foundation
import GMP
import ZeroMQ

/// `w1 --compare-audit` (issue 8): the cost of the audit trail on w1 throughput. Every round
/// starts two fresh release `gerbangd` children, identical but for `audit.enabled` (true: the
/// default; false), each with its own empty store, publisher, two subscribers and events signed
/// with its own development PKI; it warms both up and runs one throughput round on each (which
/// goes first alternates), then stops both. Fresh brokers per round keep the store size equal
/// in every round, so rounds compare like with like (a store that grew over earlier rounds slows
/// its broker, and the audit-on store grows faster). Prints every round, the medians and their
/// ratio, and the median of the rounds' own ratios (paired). Both brokers use a 60 s heartbeat
/// interval (the idle side's publisher sends nothing while the other side runs).
enum AuditComparison {
    /// One broker with its clients, for one round.
    final class Side {
        let name: String
        let broker: BrokerChild
        let run: BenchmarkRun

        init(name: String, extraConfiguration: String, settings: Settings, context: Context) throws {
            self.name = name
            broker = try BrokerChild(extraConfiguration: extraConfiguration)
            let total = settings.warmUp + settings.events
            run = try .connect(settings: settings, broker: broker, subscriberBrokers: (broker, broker),
                               events: try BenchmarkEvents(count: total, size: settings.eventBytes, broker: broker),
                               capacity: total, context: context)
        }

        /// One throughput round: events per second delivered to both, and gerbangd CPU seconds per event.
        func measureRound(events: Int) throws -> (rate: Double, brokerCPUPerEvent: Double) {
            let before = run.cpuSample()
            let rate = try run.deliveredRate()
            return (rate, (run.cpuSample().broker - before.broker) / Double(events))
        }

        func stop() {
            run.close()
            _ = broker.stop()
        }

        /// The last lines of the broker's log (printed when a round fails).
        var logTail: String {
            broker.logText.split(separator: "\n").suffix(15).joined(separator: "\n")
        }
    }

    /// What one configuration measured over the rounds.
    struct Tally {
        let name: String
        var rates: [Double] = []
        /// gerbangd CPU seconds per event, per round (less moved by other load than the rate).
        var brokerCPUPerEvent: [Double] = []
    }

    static func run(_ settings: Settings) throws {
        // The publisher of one side is idle while the other side runs its round: a 60 s heartbeat
        // interval (liveness 3) keeps its session open however slow the shared machine is.
        let extra = try settings.extraConfiguration() + "\nheartbeat:\n  interval-ms: 60000\n"
        let configurations = [("audit on ", extra), ("audit off", extra + "\naudit:\n  enabled: false\n")]
        let context = try Context()
        print("w1 --compare-audit: two release gerbangd (\(BrokerChild.binDirectory.appendingPathComponent("gerbangd").path)),"
              + " audit.enabled true and false, both started afresh (empty store) every round;"
              + " \(settings.rounds) rounds × \(Report.grouped(Double(settings.events))) events each after a warm-up of"
              + " \(Report.grouped(Double(settings.warmUp))), window \(settings.window), ≤ \(settings.batch) events per"
              + " PUBLISH, ~\(settings.eventBytes)-byte signed events, one publisher and two subscribers per broker")
        var on = Tally(name: configurations[0].0)
        var off = Tally(name: configurations[1].0)
        for round in 1...settings.rounds {
            let sides = try configurations.map { name, configuration in
                try Side(name: name, extraConfiguration: configuration, settings: settings, context: context)
            }
            defer { for side in sides { side.stop() } }
            do {
                for side in sides { try side.run.warmUp() }
                if round == 1 { print(FsyncProbe.describe(in: sides[0].broker.dataDirectory)) }
                var line = "  round \(round):"
                for index in round.isMultiple(of: 2) ? [1, 0] : [0, 1] {
                    let side = sides[index]
                    let (rate, cpu) = try side.measureRound(events: settings.events)
                    if index == 0 {
                        on.rates.append(rate)
                        on.brokerCPUPerEvent.append(cpu)
                    } else {
                        off.rates.append(rate)
                        off.brokerCPUPerEvent.append(cpu)
                    }
                    line += String(format: "  %@ %@ events/s (gerbangd %.0f µs/event)", side.name, Report.grouped(rate), cpu * 1e6)
                }
                print(line + String(format: "  on/off %.3f", on.rates[round - 1] / off.rates[round - 1]))
                if round == settings.rounds { print(FsyncProbe.describe(in: sides[0].broker.dataDirectory)) }
            } catch {
                for side in sides { print("\(side.name) gerbangd log (last lines):\n\(side.logTail)") }
                throw error
            }
        }
        summarize(on: on, off: off)
    }

    static func summarize(on: Tally, off: Tally) {
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
    }
}
