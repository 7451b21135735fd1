import Testing
import ZeroMQ

@Suite("High-water-mark back-pressure")
struct BackPressureTests {
    /// 16 KiB frames fill the kernel's loopback buffers in a few hundred messages.
    static let frame = [UInt8](repeating: 0x42, count: 16 * 1024)
    /// Upper bound on sends before the test gives up waiting for back-pressure.
    static let maximumSends = 20_000

    struct Outcome: Sendable {
        var sent = 0
        var stoppedBy: ZMQError?
        var received = 0
        var extraAfterDrain = false
        var blockingSendError: ZMQError?
        var blockingSendWaited: Duration = .zero
    }

    @Test("a DEALER's non-blocking send reports would-block at the HWM, and every accepted message arrives")
    func dealerToRouter() async throws {
        let outcome = try await IOThread.run { () throws -> Outcome in
            let context = try Context()
            let (router, endpoint) = try TestSockets.bound(.router, context)
            try router.set(.receiveHighWaterMark, 10)
            let dealer = try TestSockets.make(.dealer, context)
            try dealer.set(.sendHighWaterMark, 10)
            try dealer.connect(endpoint)
            try dealer.send(.utf8("ready"))
            _ = try router.receiveMultipart()  // the connection is up

            var outcome = Outcome()
            while outcome.sent < Self.maximumSends {
                if let error = TestSockets.error({ try dealer.send(Self.frame, flags: .dontWait) }) {
                    outcome.stoppedBy = error
                    break
                }
                outcome.sent += 1
            }
            while outcome.received < outcome.sent {
                let frames = try router.receiveMultipart()
                if frames.last?.count == Self.frame.count { outcome.received += 1 }
            }
            outcome.extraAfterDrain = Poller.readable(router, within: .milliseconds(200))
            return outcome
        }
        #expect(outcome.stoppedBy?.wouldBlock == true)
        #expect(outcome.sent > 0 && outcome.sent < Self.maximumSends)
        #expect(outcome.received == outcome.sent)
        #expect(!outcome.extraAfterDrain)
    }

    @Test("a ROUTER to a peer that does not read reports would-block instead of dropping")
    func routerToSlowDealer() async throws {
        let outcome = try await IOThread.run { () throws -> Outcome in
            let context = try Context()
            let (router, endpoint) = try TestSockets.bound(.router, context)
            try router.set(.sendHighWaterMark, 10)
            let dealer = try TestSockets.make(.dealer, context)
            try dealer.set(.receiveHighWaterMark, 10)
            try dealer.set(.routingID, .utf8("slow"))
            try dealer.connect(endpoint)
            try dealer.send(.utf8("ready"))
            _ = try router.receiveMultipart()

            var outcome = Outcome()
            while outcome.sent < Self.maximumSends {
                let error = TestSockets.error {
                    try router.send(.utf8("slow"), flags: [.dontWait, .sendMore])
                    try router.send(Self.frame, flags: .dontWait)
                }
                if let error {
                    outcome.stoppedBy = error
                    break
                }
                outcome.sent += 1
            }
            // A blocking send to the full peer waits for the ROUTER's send timeout, then fails.
            try router.set(.sendTimeoutMilliseconds, 200)
            let clock = ContinuousClock()
            let start = clock.now
            outcome.blockingSendError = TestSockets.error {
                try router.send(.utf8("slow"), flags: .sendMore)
                try router.send(Self.frame)
            }
            outcome.blockingSendWaited = clock.now - start
            if outcome.blockingSendError == nil { outcome.sent += 1 }
            while outcome.received < outcome.sent {
                if try dealer.receive().count == Self.frame.count { outcome.received += 1 }
            }
            outcome.extraAfterDrain = Poller.readable(dealer, within: .milliseconds(200))
            return outcome
        }
        #expect(outcome.stoppedBy?.wouldBlock == true)
        #expect(outcome.blockingSendError?.wouldBlock == true)
        #expect(outcome.blockingSendWaited >= .milliseconds(150))
        #expect(outcome.sent > 0 && outcome.sent < Self.maximumSends)
        #expect(outcome.received == outcome.sent)
        #expect(!outcome.extraAfterDrain)
    }
}

extension Poller {
    /// Whether `socket` becomes readable within `timeout` (errors count as "no").
    static func readable(_ socket: Socket, within timeout: Duration) -> Bool {
        let poller = Poller()
        let token = poller.register(socket)
        return ((try? poller.poll(timeout: timeout)) ?? 0) > 0 && poller.isReadable(token)
    }
}
