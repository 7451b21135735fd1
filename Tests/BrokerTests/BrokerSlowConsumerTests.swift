import Foundation
import GMP
import GerbangTesting
import Testing
import ZeroMQ

/// A consumer with credit 100 that never acknowledges, while a publisher queues a large backlog
/// for it: the broker holds exactly 100 deliveries in flight and its memory (`VmRSS`) stays flat,
/// because the backlog lives in the store, not in the broker.
///
/// `GERBANG_SLOW_CONSUMER_EVENTS` sets the number of events (default 100,000). The full
/// acceptance run of issue 5, with the figures recorded in `docs/broker.md`:
/// `GERBANG_SLOW_CONSUMER_EVENTS=1000000 swift test --skip-build --filter BrokerSlowConsumerTests`.
@Suite(.serialized, .timeLimit(.minutes(30)))
struct BrokerSlowConsumerTests {
    static let routes = """
        version: 1
        publish:
          dukcapil: [population.**]
        subscriptions:
          - id: kemensos-population
            agency: kemensos
            adapter: main
            types: [population.**]
            retry: {visibility-timeout: 12h}
        """

    static var eventCount: Int {
        ProcessInfo.processInfo.environment["GERBANG_SLOW_CONSUMER_EVENTS"].flatMap { Int($0) } ?? 100_000
    }

    /// Allowed RSS growth between the sample after the warm-up (10 % of the events) and the last
    /// one. Measured growth is a few MiB (SQLite's page cache and allocator arenas settle early);
    /// holding the backlog in memory would cost at least its size (about 1.4 KiB per event, so
    /// more than 1 GiB for 1,000,000).
    static let allowedGrowthBytes = 48 << 20

    @Test func brokerMemoryStaysFlatWhileTheBacklogQueuesOnDisk() async throws {
        try await IOThread.run {
            let count = Self.eventCount
            // Heartbeat liveness 3 × 10 s: a publisher waiting for signed events stays in session.
            let broker = try BrokerProcess(routes: Self.routes, heartbeat: "interval-ms: 10000")
            let signer = SigningAhead(factory: try TestEventFactory(broker: broker), count: count, idPrefix: "slow")
            let consumer = try AdapterClient(broker: broker, agency: "kemensos")
            try consumer.hello(agency: "kemensos")
            try consumer.send(.credit(.init(credit: 100)))
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            let welcome = try publisher.hello(agency: "dukcapil")
            let batchSize = Int(welcome.maxEventsPerPublish)

            let started = Date()
            var signed: ArraySlice<[UInt8]> = []
            var sent = 0
            var accepted = 0
            var deliveries = 0
            var samples: [(events: Int, bytes: Int)] = []
            let window = 8_000
            var lastHeartbeat = Date()
            let deadline = Date().addingTimeInterval(28 * 60)
            let poller = Poller()
            _ = poller.register(publisher.socket)
            _ = poller.register(consumer.socket)

            func sample() {
                if let bytes = broker.residentBytes { samples.append((accepted, bytes)) }
            }
            sample()
            while accepted < count && Date() < deadline {
                while sent - accepted < window && sent < count {
                    if signed.isEmpty { signed = try signer.nextChunk()[...] }
                    let take = min(batchSize, signed.count, window - (sent - accepted))
                    let events = signed.prefix(take).enumerated().map { GMPMessage.Publish.Event(tag: UInt64(sent + $0.offset), event: $0.element) }
                    signed.removeFirst(take)
                    try publisher.send(.publish(.init(events: events)))
                    sent += take
                }
                _ = try poller.poll(timeout: .milliseconds(50))
                let before = accepted
                while let message = try publisher.receiveIfAvailable() {
                    switch message {
                    case .accepted: accepted += 1
                    case .heartbeat: break
                    case let other: throw BrokerTestError("publisher received \(other)")
                    }
                }
                while let message = try consumer.receiveIfAvailable() {
                    if case .deliver = message { deliveries += 1 }
                }
                if Date().timeIntervalSince(lastHeartbeat) > 0.3 {
                    try consumer.send(.heartbeat)
                    lastHeartbeat = Date()
                }
                let step = max(count / 20, 1)
                if before / step != accepted / step { sample() }
            }
            sample()
            let seconds = Date().timeIntervalSince(started)
            // No more deliveries arrive: the consumer holds its credit, nothing else.
            let settle = Date().addingTimeInterval(1.5)
            while Date() < settle {
                if let message = try consumer.receiveIfAvailable() {
                    if case .deliver = message { deliveries += 1 }
                } else {
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            let metrics = try HTTPGet.response(port: try #require(broker.metricsPort), path: "/metrics")

            let mebibytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_048_576) }
            print("slow consumer: \(accepted) events accepted in \(Int(seconds)) s (\(Int(Double(accepted) / seconds)) events/s)")
            print("slow consumer: broker VmRSS (MiB) by events accepted: "
                  + samples.map { "\($0.events): \(mebibytes($0.bytes))" }.joined(separator: ", "))
            let warmUp = try #require(samples.first { $0.events >= count / 10 })
            let last = try #require(samples.last)
            print("slow consumer: growth after warm-up \(mebibytes(last.bytes - warmUp.bytes)) MiB "
                  + "(allowed \(mebibytes(Self.allowedGrowthBytes)) MiB); deliveries held: \(deliveries)")
            #expect(accepted == count)
            #expect(deliveries == 100, "the consumer holds exactly its credit")
            #expect(last.bytes - warmUp.bytes < Self.allowedGrowthBytes, "broker memory stays flat")
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"ready\"} \(count - 100)\n"))
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"inflight\"} 100\n"))
            #expect(broker.terminate(timeout: 60) == 0)
        }
    }
}
