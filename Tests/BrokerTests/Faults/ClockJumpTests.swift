import Foundation
import GMP
import Testing
import ZeroMQ

extension Faults {
    /// The wall clock of the broker jumps an hour (libfaketime preloaded into the real
    /// `gerbangd`, its offset changed at run time through `FAKETIME_TIMESTAMP_FILE`, the
    /// monotonic clock left alone) while three deliveries wait for retries 3, 6 and 9 s away.
    /// The broker detects the jump (wall clock against monotonic clock), logs and counts it, and
    /// moves the stored retry times with it: the three are redelivered 3, 6 and 9 s after their
    /// NACK — not all in the same instant (a jump forward), not an hour later (a jump
    /// backward). A control run with the detection off (`clock-jump-threshold-ms: 0`) shows the
    /// failure the test guards against: after a jump forward all three fire at once.
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct ClockJumpTests {
        static let library = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"

        static let routes = """
            version: 1
            publish:
              dukcapil: [population.**]
            subscriptions:
              - id: kemensos-population
                agency: kemensos
                adapter: main
                types: [population.**]
                retry: {max-attempts: 10, backoff-base: 1s, backoff-cap: 30s, visibility-timeout: 60s}
            """

        /// The requested retry delays of the three NACKs, seconds.
        static let delays: [Double] = [3, 6, 9]

        @Test func aJumpForwardKeepsTheRetrySpacing() async throws {
            let offsets = try await Self.redeliveryOffsets(jump: "+1h", detection: true)
            for (offset, delay) in zip(offsets, Self.delays) {
                #expect(offset >= delay - 0.5 && offset <= delay + 4, "redelivered \(offset) s after a NACK asking for \(delay) s")
            }
            #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $1 - $0 >= 1.5 }, "spaced as scheduled (3 s apart): \(offsets)")
        }

        @Test func aJumpBackwardDoesNotHoldTheRetries() async throws {
            let offsets = try await Self.redeliveryOffsets(jump: "-1h", detection: true)
            for (offset, delay) in zip(offsets, Self.delays) {
                #expect(offset >= delay - 0.5 && offset <= delay + 4, "redelivered \(offset) s after a NACK asking for \(delay) s")
            }
        }

        @Test func withoutTheDetectionAJumpForwardFiresEveryRetryAtOnce() async throws {
            let offsets = try await Self.redeliveryOffsets(jump: "+1h", detection: false)
            #expect(offsets.count == 3)
            #expect((offsets.max() ?? 0) - (offsets.min() ?? 0) < 1, "all at once without the detection: \(offsets)")
        }

        /// Publishes three events, NACKs their deliveries with delays 3, 6 and 9 s, makes the
        /// broker's wall clock jump by `jump` (a libfaketime offset), and returns when each was
        /// redelivered (seconds after its NACK, in the order of the delays). Also checks the
        /// broker's own account of the jump and that it serves a new event afterwards.
        static func redeliveryOffsets(jump: String, detection: Bool) async throws -> [Double] {
            try await IOThread.run {
                guard FileManager.default.fileExists(atPath: library) else {
                    throw BrokerTestError("libfaketime is missing (\(library)); scripts/install-deps.sh installs Debian's `faketime`")
                }
                let offsetFile = FileManager.default.temporaryDirectory.appendingPathComponent("faketime-\(UUID().uuidString)")
                try "+0\n".write(to: offsetFile, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: offsetFile) }
                let broker = try BrokerProcess(
                    extraConfiguration: detection ? "" : "  clock-jump-threshold-ms: 0", routes: routes, heartbeat: "interval-ms: 10000",
                    environment: ["LD_PRELOAD": library, "FAKETIME_TIMESTAMP_FILE": offsetFile.path, "FAKETIME_NO_CACHE": "1",
                                  "FAKETIME_DONT_FAKE_MONOTONIC": "1"])
                let ledger = try FaultLedger(broker: broker)
                let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let events = try ledger.makeEvents(3, prefix: "retry")
                #expect(try ledger.publish(events, with: publisher).isEmpty)

                let consumer = try AdapterClient(broker: broker, agency: "kemensos")
                try consumer.hello(agency: "kemensos")
                try consumer.send(.credit(.init(credit: 10)))
                var nackedAt: [Int: Date] = [:]
                for _ in events {
                    guard case .deliver(let deliver) = try consumer.receive() else { throw BrokerTestError("no DELIVER") }
                    let index = try #require(ledger.index(of: deliver.event))
                    let delay = delays[events.firstIndex(of: index)!]
                    try consumer.send(.nack(.init(deliveryID: deliver.deliveryID, disposition: .retry(delayMilliseconds: UInt32(delay * 1_000)),
                                                  reason: "consumer.busy", message: "try later")))
                    nackedAt[index] = Date()
                }
                // The retries are stored; then the broker's wall clock jumps.
                usleep(500_000)
                try "\(jump)\n".write(to: offsetFile, atomically: true, encoding: .utf8)

                var redeliveredAt: [Int: Date] = [:]
                let done = try FaultPolling.until(timeout: 20, heartbeat: [consumer, publisher], step: {
                    while let message = try consumer.receiveIfAvailable() {
                        guard case .deliver(let deliver) = message, let index = ledger.index(of: deliver.event) else { continue }
                        #expect(deliver.attempt == 2)
                        if redeliveredAt[index] == nil { redeliveredAt[index] = Date() }
                        try consumer.send(.ack(.init(deliveryID: deliver.deliveryID)))
                    }
                }) { redeliveredAt.count == events.count }
                #expect(done, "every retry fired (none waits forever): \(redeliveredAt.count) of \(events.count)")
                let offsets = events.map { index in redeliveredAt[index].map { $0.timeIntervalSince(nackedAt[index]!) } ?? .infinity }
                print("clock jump \(jump) (detection \(detection ? "on" : "off")): redelivered after "
                      + offsets.map { String(format: "%.2f s", $0) }.joined(separator: ", "))

                // The broker's account of the jump: libfaketime moved its Date() and not its monotonic clock.
                let metrics = try FaultPolling.metrics(broker)
                let direction = jump.hasPrefix("-") ? "backward" : "forward"
                if detection {
                    #expect(FaultPolling.metric(metrics, "gerbang_clock_jumps_total{direction=\"\(direction)\"}") == 1)
                    let jumpLine = broker.log.split(separator: "\n").first { $0.contains("wall clock jumped") }.map(String.init) ?? ""
                    let logged = jumpLine.split(separator: " ").first { $0.hasPrefix("jumpMs=") }.flatMap { Int($0.dropFirst(7)) }
                    let expected = jump.hasPrefix("-") ? -3_600_000 : 3_600_000
                    #expect(jumpLine.contains("warning") && abs((logged ?? 0) - expected) < 2_000, "logged with its size: \(jumpLine)")
                    #expect(broker.log.contains("lease deadlines and retry times moved by the wall-clock jump"))
                } else {
                    #expect(FaultPolling.metric(metrics, "gerbang_clock_jumps_total{direction=\"\(direction)\"}") == 0)
                }

                // Serving again: a new event is accepted and delivered.
                let fresh = try ledger.makeEvents(1, prefix: "fresh")
                try ledger.publishRetrying(fresh, with: publisher)
                guard case .deliver(let deliver) = try consumer.receive() else { throw BrokerTestError("no DELIVER of the new event") }
                #expect(ledger.index(of: deliver.event) == fresh[0] && deliver.attempt == 1)
                try consumer.send(.ack(.init(deliveryID: deliver.deliveryID)))
                #expect(broker.terminate() == 0)
                return offsets
            }
        }
    }
}
