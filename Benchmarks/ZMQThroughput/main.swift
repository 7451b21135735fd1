// zmq-throughput: DEALER → ROUTER over TCP loopback through the Swift `ZeroMQ` binding, against the
// same loop written in C (ZMQRawLoop) in the same process. See docs/benchmarks.md.
//
//   swift run -c release zmq-throughput [--messages N] [--size BYTES] [--rounds R]
//   defaults: 1,000,000 messages of 1024 bytes, 7 rounds
import Foundation
import ZMQRawLoop
import ZeroMQ

struct Settings {
    var messages = 1_000_000
    var size = 1024
    var rounds = 7

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let text = iterator.next(), let value = Int(text), value > 0 else {
                Settings.fail("expected a positive number after \(flag)")
            }
            switch flag {
            case "--messages": messages = value
            case "--size": size = value
            case "--rounds": rounds = value
            default: Settings.fail("unknown option \(flag) (options: --messages N --size BYTES --rounds R)")
            }
        }
        guard size >= 1, messages <= Int(Int32.max), size <= 1 << 24 else { Settings.fail("value out of range") }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("zmq-throughput: \(message)\n".utf8))
        exit(2)
    }
}

/// The Swift loop: identical shape to raw_loop.c — the DEALER on its own thread sends a warm-up
/// message then `messages` frames; this thread receives them on the ROUTER into two reused
/// `Message`s (no allocation, no copy per frame) and times from the warm-up to the last one.
func swiftRound(messages: Int, size: Int) throws -> Double {
    let context = try Context()
    let router = try Socket(.router, context: context)
    let endpoint = try router.bind("tcp://127.0.0.1:*")
    let sender = IOThread.start(name: "bench.dealer") {
        do {
            let dealer = try Socket(.dealer, context: context)
            try dealer.connect(endpoint)
            try dealer.send("ready")
            let payload = [UInt8](repeating: 0x5A, count: size)
            try payload.withUnsafeBytes { bytes in
                for _ in 0..<messages { try dealer.send(bytes) }
            }
        } catch {
            Settings.fail("sender: \(error)")
        }
    }
    defer { sender.join() }
    let routingID = Message()
    let body = Message()
    try router.receive(into: routingID)
    try router.receive(into: body)
    let clock = ContinuousClock()
    let start = clock.now
    for index in 0..<messages {
        try router.receive(into: routingID)
        guard try router.receive(into: body) == size else { Settings.fail("message \(index) has the wrong size") }
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(messages) / seconds
}

func cRound(messages: Int, size: Int) -> Double {
    var error = [CChar](repeating: 0, count: 256)
    let rate = zmq_raw_loop_run(Int32(messages), Int32(size), &error, Int32(error.count))
    guard rate > 0 else {
        Settings.fail("C loop: " + String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return rate
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// CPU seconds (user + system) used so far by every thread of this process.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// One round's figures: messages per wall-clock second of the timed loop, and messages per
/// CPU-second spent by the whole process (all threads, set-up and teardown included) in the round.
struct RoundResult {
    var wallRate: Double
    var cpuRate: Double
}

func measure(messages: Int, _ round: () throws -> Double) rethrows -> RoundResult {
    let cpuBefore = processCPUSeconds()
    let wallRate = try round()
    return RoundResult(wallRate: wallRate, cpuRate: Double(messages) / (processCPUSeconds() - cpuBefore))
}

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
