import Foundation
import GerbangKit
import Logging
import Synchronization
import ZeroMQ

/// Benchmark `kit-publish` (issue 6): publishing through `GerbangClient` versus a raw GMP/1
/// publish loop over the ZeroMQ binding — the same pre-signed events, the same broker (a release
/// `gerbangd` child), the same run, alternating rounds. See docs/benchmarks.md.
@main
enum KitPublish {
    static func main() async {
        do {
            try await run(Options(arguments: CommandLine.arguments))
        } catch {
            FileHandle.standardError.write(Data("kit-publish: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: Options) async throws {
        let broker = try BrokerChild()
        defer { broker.stop() }
        print("kit-publish: gerbangd pid \(broker.process.processIdentifier) at \(broker.endpoint) (shipped Config/, store defaults)")
        let warmUp = 1_000
        let total = warmUp * 2 + options.rounds * options.events * 2
        let signStart = ContinuousClock.now
        let events = try SignedEvents.make(count: total, broker: broker)
        print("signed \(total) population.death.registered events of \(events[0].count) bytes in \(ContinuousClock.now - signStart)")

        let secret = try String(contentsOf: broker.dataDirectory.appendingPathComponent("curve/agencies/dukcapil.key"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let (endpoint, publicKey) = (broker.endpoint, broker.publicKey)
        /// One raw round on its own thread: connect and HELLO (not timed), publish (timed), BYE.
        func rawRound(_ events: ArraySlice<[UInt8]>) async throws -> (accepted: Int, seconds: Double) {
            try await IOThread.run {
                let publisher = try RawPublisher(endpoint: endpoint, brokerPublicKey: publicKey, secretKey: secret)
                defer { publisher.close() }
                let start = ContinuousClock.now
                let accepted = try publisher.publish(events, window: options.window, batch: options.batch)
                return (accepted, (ContinuousClock.now - start) / .seconds(1))
            }
        }

        var configuration = try GerbangClient.Configuration.load(yaml: """
            endpoint: \(broker.endpoint)
            agency: dukcapil
            adapter: kit-publish
            data-directory: \(broker.dataDirectory.path)
            max-unanswered-publishes: \(options.window)
            publish-timeout-ms: 120000
            """)
        configuration.concurrency = 1
        var logger = Logger(label: "kit-publish")
        logger.logLevel = .warning
        let client = try await GerbangClient.connect(configuration, logger: logger)
        print("rounds: \(options.rounds) × \(options.events) events per side; raw: window \(options.window), ≤ \(options.batch) per PUBLISH;"
              + " GerbangClient: \(options.window) concurrent publish(signed:) calls")

        var cursor = 0
        func slice(_ count: Int) -> ArraySlice<[UInt8]> {
            defer { cursor += count }
            return events[cursor..<(cursor + count)]
        }
        _ = try await rawRound(slice(warmUp))
        _ = try await kitPublish(slice(warmUp), client: client, concurrency: options.window)
        print("warm-up: \(warmUp) events each way")

        var rawRates: [Double] = []
        var kitRates: [Double] = []
        var rawCPU: [Double] = []
        var kitCPU: [Double] = []
        for round in 1...options.rounds {
            var rawRate = 0.0
            var kitRate = 0.0
            for side in (round % 2 == 1 ? ["raw", "kit"] : ["kit", "raw"]) {
                let batch = slice(options.events)
                let accepted: Int
                let seconds: Double
                let cpuStart = ProcessCPU.seconds()
                if side == "raw" {
                    (accepted, seconds) = try await rawRound(batch)
                } else {
                    let start = ContinuousClock.now
                    accepted = try await kitPublish(batch, client: client, concurrency: options.window)
                    seconds = (ContinuousClock.now - start) / .seconds(1)
                }
                let cpuPerEvent = (ProcessCPU.seconds() - cpuStart) / Double(options.events) * 1e6
                guard accepted == options.events else { throw BenchmarkError("\(side): only \(accepted) of \(options.events) accepted") }
                if side == "raw" {
                    rawRate = Double(options.events) / seconds
                    rawCPU.append(cpuPerEvent)
                } else {
                    kitRate = Double(options.events) / seconds
                    kitCPU.append(cpuPerEvent)
                }
            }
            rawRates.append(rawRate)
            kitRates.append(kitRate)
            print("round \(round): raw \(format(rawRate)) events/s (\(String(format: "%.1f", rawCPU.last!)) µs CPU/event),"
                  + " GerbangClient \(format(kitRate)) events/s (\(String(format: "%.1f", kitCPU.last!)) µs CPU/event),"
                  + " ratio \(String(format: "%.2f", kitRate / rawRate))x")
        }
        await client.close()
        let rawMedian = median(rawRates)
        let kitMedian = median(kitRates)
        let perRound = median(zip(kitRates, rawRates).map { $0 / $1 })
        print("median: raw \(format(rawMedian)) events/s, GerbangClient \(format(kitMedian)) events/s")
        print("ratio GerbangClient/raw: \(String(format: "%.2f", kitMedian / rawMedian))x of medians,"
              + " \(String(format: "%.2f", perRound))x median of per-round ratios (target ≥ 0.80x)")
        print("client-process CPU per event (medians; the broker is another process): raw \(String(format: "%.1f", median(rawCPU))) µs,"
              + " GerbangClient \(String(format: "%.1f", median(kitCPU))) µs")
    }

    /// `concurrency` tasks each publishing the next event until all are answered; returns how
    /// many were accepted.
    static func kitPublish(_ events: ArraySlice<[UInt8]>, client: GerbangClient, concurrency: Int) async throws -> Int {
        let next = Counter()
        let accepted = Counter()
        let shared = Array(events)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while true {
                        let index = next.increment()
                        guard index < shared.count else { return }
                        if (try? await client.publish(signed: shared[index])) != nil {
                            _ = accepted.increment()
                        }
                    }
                }
            }
        }
        return accepted.value
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func format(_ rate: Double) -> String {
        let number = NumberFormatter()
        number.numberStyle = .decimal
        number.maximumFractionDigits = 0
        return number.string(from: NSNumber(value: rate)) ?? String(Int(rate))
    }
}

/// A shared counter for the publishing tasks. `Sendable`: an `Atomic`.
final class Counter: Sendable {
    private let atomic = Atomic<Int>(0)

    /// Adds one and returns the value before.
    func increment() -> Int { atomic.add(1, ordering: .relaxed).oldValue }

    /// The current value.
    var value: Int { atomic.load(ordering: .relaxed) }
}
