import Foundation
import GMP
import GerbangTesting
import Testing
import ZeroMQ

/// Sessions end when the socket monitor reports their connection closed, long before the
/// heartbeat would notice (interval 5 s, liveness 3: 15 s), and only those sessions end; a
/// consumer that goes silent with its connection open loses its deliveries after liveness ×
/// interval.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct BrokerDisconnectTests {
    @Test func abruptDisconnectReturnsInFlightDeliveriesAtOnce() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess(heartbeat: "interval-ms: 5000")
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let events = try (1...5).map { GMPMessage.Publish.Event(tag: UInt64($0), event: try TestEvents.signed(broker: broker)) }
            #expect(try publisher.publishCollectingVerdicts(events).values.allSatisfy { $0 == "accepted" })

            var vanishing: AdapterClient? = try AdapterClient(broker: broker, agency: "kemensos")
            try vanishing?.hello(agency: "kemensos")
            try vanishing?.send(.credit(.init(credit: 5)))
            var held: [UInt64: UInt32] = [:]
            while held.count < 5 {
                guard case .deliver(let deliver) = try vanishing?.receive() else { throw BrokerTestError("no DELIVER") }
                held[deliver.deliveryID] = deliver.attempt
            }
            #expect(held.values.allSatisfy { $0 == 1 })
            let successor = try AdapterClient(broker: broker, agency: "kemensos")
            try successor.hello(agency: "kemensos")
            try successor.send(.credit(.init(credit: 10)))

            // Gone without BYE: the socket closes with linger 0 (the TCP connection closes).
            let closed = Date()
            vanishing = nil
            var redelivered: [UInt64: UInt32] = [:]
            while redelivered.count < 5 {
                guard case .deliver(let deliver) = try successor.receive() else { throw BrokerTestError("no redelivery:\n\(broker.log)") }
                redelivered[deliver.deliveryID] = deliver.attempt
                try successor.send(.ack(.init(deliveryID: deliver.deliveryID)))
            }
            let elapsed = Date().timeIntervalSince(closed)
            print("abrupt disconnect: 5 deliveries redelivered after \(Int(elapsed * 1_000)) ms")
            #expect(Set(redelivered.keys) == Set(held.keys))
            #expect(redelivered.values.allSatisfy { $0 == 2 })
            #expect(elapsed < 3, "redelivered well before the heartbeat timeout (15 s)")
            let metrics = try HTTPGet.response(port: try #require(broker.metricsPort), path: "/metrics")
            #expect(metrics.contains("gerbang_sessions_ended_total{reason=\"session.disconnected\"} 1\n"))
            #expect(broker.terminate() == 0)
        }
    }

    @Test func silentConsumerLosesItsDeliveriesAfterTheLiveness() async throws {
        try await IOThread.run {
            // Interval 300 ms, liveness 3: silent for 900 ms, a session is gone.
            let broker = try BrokerProcess(heartbeat: "interval-ms: 300")
            let events = try (1...3).map { GMPMessage.Publish.Event(tag: UInt64($0), event: try TestEvents.signed(broker: broker)) }
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            #expect(try publisher.publishCollectingVerdicts(events).values.allSatisfy { $0 == "accepted" })

            // Takes 3 deliveries, then neither reads nor sends; its connection stays open.
            let silent = try AdapterClient(broker: broker, agency: "kemensos")
            try silent.hello(agency: "kemensos")
            try silent.send(.credit(.init(credit: 3)))
            var held: Set<UInt64> = []
            while held.count < 3 {
                guard case .deliver(let deliver) = try silent.receive() else { throw BrokerTestError("no DELIVER") }
                held.insert(deliver.deliveryID)
            }
            let silentSince = Date()
            let successor = try AdapterClient(broker: broker, agency: "kemensos")
            try successor.hello(agency: "kemensos")
            try successor.send(.credit(.init(credit: 10)))
            var redelivered: [UInt64: UInt32] = [:]
            let deadline = Date().addingTimeInterval(10)
            while redelivered.count < 3 && Date() < deadline {
                try successor.send(.heartbeat)
                guard let message = try successor.receiveIfAvailable() else {
                    Thread.sleep(forTimeInterval: 0.05)
                    continue
                }
                if case .deliver(let deliver) = message { redelivered[deliver.deliveryID] = deliver.attempt }
            }
            let elapsed = Date().timeIntervalSince(silentSince)
            print("silent consumer: 3 deliveries redelivered after \(Int(elapsed * 1_000)) ms (liveness × interval = 900 ms)")
            #expect(Set(redelivered.keys) == held)
            #expect(redelivered.values.allSatisfy { $0 == 2 })
            #expect(elapsed >= 0.6 && elapsed < 5, "ended by the heartbeat, about liveness × interval after the silence began")
            let metrics = try HTTPGet.response(port: try #require(broker.metricsPort), path: "/metrics")
            #expect(metrics.contains("gerbang_sessions_ended_total{reason=\"session.heartbeat-timeout\"}"))
            #expect(broker.terminate() == 0)
        }
    }

    @Test func reusedDescriptorsNeverEndALiveSession() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess(heartbeat: "interval-ms: 5000")
            let steady = try AdapterClient(broker: broker, agency: "dukcapil")
            try steady.hello(agency: "dukcapil")
            // Connections come and go (the kernel reuses their descriptors) while `steady` lives;
            // each of them says HELLO, some publish, and half leave with BYE, half without.
            for round in 0..<30 {
                let passing = try AdapterClient(broker: broker, agency: "dukcapil")
                try passing.hello(agency: "dukcapil", adapter: "passing")
                if round.isMultiple(of: 3) {
                    let verdicts = try passing.publishCollectingVerdicts([.init(tag: 1, event: try TestEvents.signed(broker: broker))])
                    #expect(verdicts == [1: "accepted"])
                }
                if round.isMultiple(of: 2) { try passing.send(.bye(.init(reason: .sessionClosed))) }
                let verdicts = try steady.publishCollectingVerdicts([.init(tag: UInt64(round), event: try TestEvents.signed(broker: broker))])
                #expect(verdicts == [UInt64(round): "accepted"], "the steady session lives on (round \(round))")
            }
            Thread.sleep(forTimeInterval: 0.3)
            let metrics = try HTTPGet.response(port: try #require(broker.metricsPort), path: "/metrics")
            #expect(metrics.contains("gerbang_sessions_ended_total{reason=\"session.disconnected\"} 15\n"),
                    "the 15 connections closed without BYE ended by the monitor")
            #expect(metrics.contains("gerbang_sessions_ended_total{reason=\"session.closed\"} 15\n"))
            #expect(broker.terminate() == 0)
        }
    }
}
