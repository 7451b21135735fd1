import Foundation
import ZMQRawLoop
import ZeroMQ

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

/// The C loop (Benchmarks/ZMQRawLoop), the baseline; returns msgs/s or ends the run on failure.
func cRound(messages: Int, size: Int) -> Double {
    var error = [CChar](repeating: 0, count: 256)
    let rate = zmq_raw_loop_run(Int32(messages), Int32(size), &error, Int32(error.count))
    guard rate > 0 else {
        Settings.fail("C loop: " + String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return rate
}
