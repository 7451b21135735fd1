import Testing
import ZeroMQ

@Suite("Socket monitor")
struct MonitorTests {
    struct Outcome: Sendable {
        var kinds: [MonitorEvent.Kind] = []
        var endpoint = ""
        var streamFinished = false
    }

    @Test("connection events arrive as a sequence that ends when the socket closes")
    func lifecycle() async throws {
        let outcome = try await IOThread.run { () throws -> Outcome in
            let context = try Context()
            let (router, endpoint) = try TestSockets.bound(.router, context)
            var outcome = Outcome(endpoint: endpoint)
            var events: Recorder<MonitorEvent>?
            do {
                let dealer = try TestSockets.make(.dealer, context)
                events = Recorder(recording: try dealer.monitor())
                try dealer.connect(endpoint)
                try dealer.send(.utf8("hi"))
                _ = try router.receiveMultipart()
                _ = events?.waitForItem(timeout: .seconds(3)) { $0.kind == .handshakeSucceeded }
            }  // the dealer closes: libzmq ends the monitor with MONITOR_STOPPED
            outcome.streamFinished = events?.waitForItem(timeout: .seconds(3)) { $0.kind == .monitorStopped } != nil
            outcome.kinds = events?.all.map(\.kind) ?? []
            return outcome
        }
        #expect(outcome.kinds.contains(.connected))
        #expect(outcome.kinds.contains(.handshakeSucceeded))
        #expect(outcome.kinds.last == .monitorStopped)
        #expect(outcome.streamFinished)
    }
}
