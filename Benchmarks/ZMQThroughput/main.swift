// zmq-throughput: DEALER → ROUTER over TCP loopback through the Swift `ZeroMQ` binding, against the
// same loop written in C (ZMQRawLoop) in the same process. See docs/benchmarks.md.
//
//   swift run -c release zmq-throughput [--messages N] [--size BYTES] [--rounds R]
//   defaults: 1,000,000 messages of 1024 bytes, 7 rounds
import Foundation

/// A rate right-aligned without decimals.
func format(_ rate: Double) -> String { String(format: "%9.0f", rate) }

let settings = Settings(arguments: CommandLine.arguments)
print("zmq-throughput: DEALER → ROUTER, tcp://127.0.0.1, \(settings.size)-byte messages, "
    + "\(settings.messages) per round, \(settings.rounds) rounds each (C and Swift alternate)")
print("figures: msgs/s of wall-clock time, and msgs per CPU-second of the whole process")
var cResults: [RoundResult] = []
var swiftResults: [RoundResult] = []
do {
    for round in 1...settings.rounds {
        // Alternate which loop goes first so that warm-up and drift hit both alike.
        let cFirst = round % 2 == 1
        let runC = { measure(messages: settings.messages) { cRound(messages: settings.messages, size: settings.size) } }
        if cFirst { cResults.append(runC()) }
        swiftResults.append(try measure(messages: settings.messages) {
            try swiftRound(messages: settings.messages, size: settings.size)
        })
        if !cFirst { cResults.append(runC()) }
        let c = cResults[cResults.count - 1]
        let swift = swiftResults[swiftResults.count - 1]
        print("round \(round): C \(format(c.wallRate)) msgs/s \(format(c.cpuRate)) msgs/CPU-s   "
            + "Swift \(format(swift.wallRate)) msgs/s \(format(swift.cpuRate)) msgs/CPU-s")
    }
} catch {
    Settings.fail("\(error)")
}
let cWall = median(cResults.map(\.wallRate))
let swiftWall = median(swiftResults.map(\.wallRate))
let cCPU = median(cResults.map(\.cpuRate))
let swiftCPU = median(swiftResults.map(\.cpuRate))
print("median:  C \(format(cWall)) msgs/s \(format(cCPU)) msgs/CPU-s   Swift \(format(swiftWall)) msgs/s \(format(swiftCPU)) msgs/CPU-s")
print(String(format: "ratio Swift/C (wall-clock medians): %.2fx (target ≥ 0.80x)", swiftWall / cWall))
// Each round pairs a C and a Swift run taken seconds apart; on a shared machine the median of
// those paired ratios is less sensitive to load that drifts between rounds.
let pairedRatios = zip(swiftResults, cResults).map { $0.wallRate / $1.wallRate }
print(String(format: "median of per-round wall-clock ratios: %.2fx", median(pairedRatios)))
// CPU time is what the binding itself costs, whatever else the machine is doing.
print(String(format: "ratio Swift/C (CPU-time medians): %.2fx", swiftCPU / cCPU))
