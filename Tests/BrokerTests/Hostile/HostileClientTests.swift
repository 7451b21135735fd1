import Foundation
import GMP
import Testing
import ZeroMQ

/// Hostile clients against a real `gerbangd` over CURVE (`docs/security.md`, rows "clients"): a
/// consumer that never sends CREDIT, and clients that connect and say nothing (at the TCP level,
/// after the CURVE handshake, and after HELLO). Other sessions are unaffected and the broker
/// still accepts and delivers a valid event.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct HostileClientTests {
    @Test func consumerWithoutCreditGetsNothingAndHoldsNothing() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let hoarder = try AdapterClient(broker: broker, agency: "kemensos")
            let granted = try hoarder.hello(agency: "kemensos")
            #expect(granted.subscriptions == ["kemensos-population"])
            let other = try AdapterClient(broker: broker, agency: "bpjs-kesehatan")
            try other.hello(agency: "bpjs-kesehatan", adapter: "kepesertaan")
            try other.send(.credit(.init(credit: 10)))

            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            var sequences: Set<UInt64> = []
            for tag in 0..<5 { sequences.insert(try publisher.expectAccepted(try TestEvents.signed(broker: broker), tag: UInt64(tag)).sequence) }

            // The other subscriber gets every event.
            var delivered: Set<UInt64> = []
            while delivered.count < 5 {
                guard case .deliver(let deliver) = try other.receive() else { throw BrokerTestError("no DELIVER") }
                delivered.insert(deliver.sequence)
                try other.send(.ack(.init(deliveryID: deliver.deliveryID)))
            }
            #expect(delivered == sequences)

            // The consumer without credit: only heartbeats for 1.5 s, its session alive.
            var received: [GMPMessage] = []
            let until = Date().addingTimeInterval(1.5)
            while Date() < until {
                try hoarder.send(.heartbeat)
                while let message = try hoarder.receiveIfAvailable() { received.append(message) }
                Thread.sleep(forTimeInterval: 0.1)
            }
            #expect(received.allSatisfy { $0 == .heartbeat }, "\(received)")
            // Nothing is held for it: its subscription's events wait in the store, none in flight.
            let metrics = try broker.metrics()
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"ready\"} 5\n"), "\(metrics)")
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"inflight\"} 0\n"))
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"bpjs-deaths\",state=\"ready\"} 0\n"))

            // A competing consumer with credit gets them all, first attempts.
            let competitor = try AdapterClient(broker: broker, agency: "kemensos")
            try competitor.hello(agency: "kemensos")
            try competitor.send(.credit(.init(credit: 10)))
            var taken: Set<UInt64> = []
            while taken.count < 5 {
                guard case .deliver(let deliver) = try competitor.receive() else { throw BrokerTestError("no DELIVER") }
                #expect(deliver.attempt == 1)
                taken.insert(deliver.sequence)
                try competitor.send(.ack(.init(deliveryID: deliver.deliveryID)))
            }
            #expect(taken == sequences)

            // The hoarder's session was alive all along: CREDIT now is accepted (an ended session
            // would answer ERROR `protocol.hello-required`), and nothing is left for it.
            try hoarder.send(.credit(.init(credit: 10)))
            try hoarder.socket.set(.receiveTimeoutMilliseconds, 600)
            #expect(throws: ZMQError.self) { _ = try hoarder.receive() }
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func silentClientsAreClosedAfterTheHelloTimeoutWithoutHarmingOthers() async throws {
        try await IOThread.run {
            // HELLO timeout 1 s; heartbeats every 500 ms, liveness 3 (a session silent for 1.5 s ends).
            let broker = try BrokerProcess(extraConfiguration: "limits: {hello-timeout-ms: 1000}", heartbeat: "interval-ms: 500")
            let steady = try AdapterClient(broker: broker, agency: "dukcapil")
            try steady.hello(agency: "dukcapil")
            let started = Date()

            // 1. TCP only: no ZMTP greeting, no CURVE handshake.
            let tcp = try SilentTCPConnection(port: try #require(broker.adapterPort))
            // 2. CURVE handshake done, no GMP message.
            let curve = try AdapterClient(broker: broker, agency: "kemensos")
            let curveMonitor = try curve.socket.monitorSocket([.init(.disconnected)])
            // 3. HELLO, then nothing.
            let afterHello = try AdapterClient(broker: broker, agency: "bank-bri")
            let afterHelloMonitor = try afterHello.socket.monitorSocket([.init(.disconnected)])
            try afterHello.hello(agency: "bank-bri")
            let welcomed = Date()

            var closed: [String: Date] = [:]
            let deadline = Date().addingTimeInterval(12)
            while closed.count < 3 && Date() < deadline {
                // The steady session keeps talking (heartbeats) and reading.
                try steady.send(.heartbeat)
                while let message = try steady.receiveIfAvailable() {
                    guard message == .heartbeat else { throw BrokerTestError("steady session got \(message)") }
                }
                if closed["tcp"] == nil, tcp.isClosedByPeer() { closed["tcp"] = Date() }
                if closed["curve"] == nil, try MonitorEvent.receive(from: curveMonitor) != nil { closed["curve"] = Date() }
                if closed["hello"] == nil, try MonitorEvent.receive(from: afterHelloMonitor) != nil { closed["hello"] = Date() }
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(closed.count == 3, "closed: \(closed.keys.sorted())\n\(broker.log.suffix(3_000))")
            for name in ["tcp", "curve"] {
                if let at = closed[name] {
                    #expect(at.timeIntervalSince(started) >= 0.9, "\(name) closed after \(at.timeIntervalSince(started)) s")
                }
            }
            // HELLO then silence: the session ends after 1.5 s, the connection 1 s later.
            if let at = closed["hello"] {
                #expect(at.timeIntervalSince(welcomed) >= 2.4, "closed \(at.timeIntervalSince(welcomed)) s after WELCOME")
            }
            let metrics = try broker.metrics()
            #expect(metrics.contains("gerbang_sessions_ended_total{reason=\"session.heartbeat-timeout\"} 1\n"), "\(metrics)")
            let closedCount = metrics.split(separator: "\n")
                .first { $0.hasPrefix("gerbang_connections_closed_total{reason=\"session.hello-timeout\"} ") }
                .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect(closedCount >= 3, "\(metrics)")
            #expect(broker.log.contains("session.hello-timeout"))

            // The steady session was never ended: it publishes on it as before.
            _ = try steady.expectAccepted(try TestEvents.signed(broker: broker), tag: 1)
            // A closed client that speaks again simply reconnects (libzmq) and is served.
            try afterHello.hello(agency: "bank-bri")
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }
}

extension HostileClientTests {
    @Test func unauthenticatedAndMisidentifiedClientsAreRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            // A CURVE key not in agencies.yaml: the handshake fails, no GMP answer, logged.
            let stranger = try AdapterClient.stranger(broker: broker)
            try stranger.send(.hello(.init(agency: "dukcapil", adapterName: "main", adapterVersion: "1")))
            #expect(throws: ZMQError.self) { _ = try stranger.receive() }
            #expect(broker.log.contains("auth.unknown-key"))

            // HELLO for another agency than the CURVE key's.
            let impostor = try AdapterClient(broker: broker, agency: "bank-bri")
            try impostor.expectError(after: try GMPMessage.hello(.init(agency: "dukcapil", adapterName: "main", adapterVersion: "1")).encode(),
                                     .authAgencyMismatch)
            // A subscription the routes do not give.
            let greedy = try AdapterClient(broker: broker, agency: "bank-bri")
            try greedy.expectError(after: try GMPMessage.hello(.init(agency: "bank-bri", adapterName: "main", adapterVersion: "1",
                                                                     subscriptions: ["kemensos-population"])).encode(),
                                   .routeUnknownSubscription)
            // PUBLISH, ACK and CREDIT without a session.
            for message: GMPMessage in [.publish(.init(events: [.init(tag: 1, event: try TestEvents.signed(broker: broker))])),
                                        .ack(.init(deliveryID: 1)), .credit(.init(credit: 5))] {
                let early = try AdapterClient(broker: broker, agency: "dukcapil")
                try early.expectError(after: try message.encode(), .protocolHelloRequired)
            }
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }
}
