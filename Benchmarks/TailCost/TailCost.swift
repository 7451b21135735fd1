import Foundation

/// Benchmark `tail-cost` (issue 7): the broker's throughput while a tail is connected that
/// reads nothing, against the same broker without a tail, in the same run; then how many lines
/// the stalled tail was told it missed. See docs/benchmarks.md.
///
/// `swift run -c release tail-cost [--events 100000] [--rounds 4] [--window 2000] [--batch 64] [--receive-queue 100]`
@main
enum TailCost {
    static func main() {
        var options: [String: Int] = ["--events": 100_000, "--rounds": 4, "--window": 2_000, "--batch": 64, "--receive-queue": 100]
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let name = arguments.next() {
            guard options[name] != nil, let value = arguments.next().flatMap({ Int($0) }), value > 0 else {
                FileHandle.standardError.write(Data("tail-cost: unknown option or bad value near \(name); options: \(options.keys.sorted())\n".utf8))
                exit(2)
            }
            options[name] = value
        }
        do {
            try run(events: options["--events"]!, rounds: options["--rounds"]!, window: options["--window"]!,
                    batch: options["--batch"]!, receiveQueue: Int32(options["--receive-queue"]!))
        } catch {
            FileHandle.standardError.write(Data("tail-cost: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(events count: Int, rounds: Int, window: Int, batch: Int, receiveQueue: Int32) throws {
        let broker = try TailCostBroker()
        defer { broker.stop() }
        print("tail-cost: release gerbangd pid \(broker.process.processIdentifier), \(broker.endpoint), admin \(broker.adminEndpoint)")
        print("per phase: \(count) signed population.death.registered events (dukcapil → kemensos/main, stored, delivered,"
              + " acknowledged), window \(window), ≤ \(batch) per PUBLISH; stalled tail: no filter, receive queue \(receiveQueue),"
              + " reads nothing during the phase")
        let factory = try DeathEvents(broker: broker)
        var without: [Double] = []
        var with: [Double] = []
        var cpuWithout: [Double] = []
        var cpuWith: [Double] = []
        for round in 1...rounds {
            // Alternate the order (ABBA over two rounds) so that drift (the store growing by every
            // phase, other load) does not favour one side.
            for stalled in round % 2 == 1 ? [false, true] : [true, false] {
                let events = try factory.make(count)
                let tail = stalled ? try StalledTail(broker: broker, receiveQueue: receiveQueue) : nil
                let flow = try EventFlow(broker: broker)
                let cpuBefore = ProcessCPUTime.seconds(of: broker.process.processIdentifier) ?? 0
                let seconds = try flow.run(events, window: window, batch: batch)
                let cpu = ((ProcessCPUTime.seconds(of: broker.process.processIdentifier) ?? 0) - cpuBefore) / Double(count) * 1e6
                flow.close()
                let rate = Double(count) / seconds
                var line = "round \(round) \(stalled ? "with stalled tail" : "without tail     "): \(format(rate)) events/s"
                    + " (\(String(format: "%.2f", seconds)) s), gerbangd CPU \(String(format: "%.0f", cpu)) µs per event"
                if stalled { cpuWith.append(cpu) } else { cpuWithout.append(cpu) }
                if let tail {
                    let (received, missed) = try tail.drain()
                    line += "; the tail then received \(received) lines and was told it missed \(missed)"
                        + " (\(received + missed) of \(3 * count) observations: accepted, delivered, acknowledged)"
                    with.append(rate)
                } else {
                    without.append(rate)
                }
                print(line)
            }
        }
        let medianWithout = median(without)
        let medianWith = median(with)
        let ratio = medianWith / medianWithout
        print("median without tail: \(format(medianWithout)) events/s; with a stalled tail: \(format(medianWith)) events/s;"
              + " ratio \(String(format: "%.3f", ratio)) (cost \(String(format: "%.1f", (1 - ratio) * 100)) %; target ≤ 5 %:"
              + " \(ratio >= 0.95 ? "met" : "NOT met"))")
        let cpuRatio = median(cpuWith) / median(cpuWithout)
        print("median gerbangd CPU per event without tail: \(String(format: "%.0f", median(cpuWithout))) µs; with a stalled tail:"
              + " \(String(format: "%.0f", median(cpuWith))) µs; ratio \(String(format: "%.3f", cpuRatio))"
              + " (the CPU figure depends far less on the machine's other load than events/s)")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func format(_ value: Double) -> String { String(format: "%.0f", value) }
}
