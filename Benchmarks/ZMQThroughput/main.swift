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

func format(_ rate: Double) -> String { String(format: "%10.0f msgs/s", rate) }

let settings = Settings(arguments: CommandLine.arguments)
print("zmq-throughput: DEALER → ROUTER, tcp://127.0.0.1, \(settings.size)-byte messages, "
    + "\(settings.messages) per round, \(settings.rounds) rounds each (C and Swift alternate)")
var cRates: [Double] = []
var swiftRates: [Double] = []
do {
    for round in 1...settings.rounds {
        // Alternate which loop goes first so that warm-up and drift hit both alike.
        let cFirst = round % 2 == 1
        if cFirst { cRates.append(cRound(messages: settings.messages, size: settings.size)) }
        swiftRates.append(try swiftRound(messages: settings.messages, size: settings.size))
        if !cFirst { cRates.append(cRound(messages: settings.messages, size: settings.size)) }
        print("round \(round): C \(format(cRates[cRates.count - 1]))   Swift \(format(swiftRates[swiftRates.count - 1]))")
    }
} catch {
    Settings.fail("\(error)")
}
let cMedian = median(cRates)
let swiftMedian = median(swiftRates)
print("median:  C \(format(cMedian))   Swift \(format(swiftMedian))")
print(String(format: "ratio Swift/C: %.2fx (target ≥ 0.80x)", swiftMedian / cMedian))
// Each round pairs a C and a Swift run taken seconds apart; on a shared machine the median of
// those paired ratios is less sensitive to load that drifts between rounds.
let pairedRatios = zip(swiftRates, cRates).map { $0 / $1 }
print(String(format: "median of per-round ratios: %.2fx", median(pairedRatios)))
