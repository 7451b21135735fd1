import Testing
import ZeroMQ

@Suite("Socket monitor")
struct MonitorTests {
    @Test("connection events arrive as an AsyncSequence that ends when the socket closes", .timeLimit(.minutes(1)))
    func lifecycle() async throws {
        // The owned thread connects, talks and closes the DEALER, then hands back its event stream;
        // the stream then finishes by itself (MONITOR_STOPPED), so collecting needs no deadline.
        let events = try await IOThread.run { () throws -> AsyncStream<MonitorEvent> in
            let context = try Context()
            let (router, endpoint) = try TestSockets.bound(.router, context)
            let dealer = try TestSockets.make(.dealer, context)
            let events = try dealer.monitor()
            try dealer.connect(endpoint)
            try dealer.send(.utf8("hi"))
            _ = try router.receiveMultipart()
            return events
        }  // the dealer is closed when the thread's closure returns
        var kinds: [MonitorEvent.Kind] = []
        var endpoints: Set<String> = []
        for await event in events {
            kinds.append(event.kind)
            endpoints.insert(event.endpoint)
        }
        #expect(kinds.contains(.connected))
        #expect(kinds.contains(.handshakeSucceeded))
        #expect(kinds.last == .monitorStopped)
        #expect(endpoints.contains { $0.hasPrefix("tcp://127.0.0.1:") })
    }

    @Test("a subscription to some kinds delivers only those, then the final MONITOR_STOPPED")
    func filteredKinds() async throws {
        let kinds = try await IOThread.run { () throws -> [MonitorEvent.Kind] in
            let context = try Context()
            let (router, endpoint) = try TestSockets.bound(.router, context)
            let events = Recorder<MonitorEvent>()
            do {
                let dealer = try TestSockets.make(.dealer, context)
                try dealer.monitor(MonitorEvent.Kinds(.handshakeSucceeded)) { events.append($0) }
                try dealer.connect(endpoint)
                try dealer.send(.utf8("hi"))
                _ = try router.receiveMultipart()
                _ = events.waitForItem(timeout: .seconds(3)) { $0.kind == .handshakeSucceeded }
            }
            _ = events.waitForItem(timeout: .seconds(3)) { $0.kind == .monitorStopped }
            return events.all.map(\.kind)
        }
        #expect(kinds == [.handshakeSucceeded, .monitorStopped])
    }
}
