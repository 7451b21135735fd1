import Foundation
import GMP
import Testing
import ZeroMQ

/// Heartbeats and shutdown against a real `gerbangd` (heartbeat interval 1 s, liveness 3).
@Suite(.serialized, .timeLimit(.minutes(1)))
struct BrokerSessionLifecycleTests {
    @Test func brokerHeartbeatsAndEndsASilentSession() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let client = try AdapterClient(broker: broker, agency: "dukcapil")
            let welcome = try client.hello(agency: "dukcapil")
            #expect(welcome.heartbeatIntervalMilliseconds == 1_000)
            #expect(welcome.heartbeatLiveness == 3)
            // The broker sends HEARTBEAT after one silent interval.
            let started = Date()
            let frames = try client.socket.receiveMultipart().map(\.bytes)
            #expect(try GMPMessage(decoding: frames, from: .broker) == .heartbeat)
            #expect(Date().timeIntervalSince(started) < 2.5)
            // Silent for liveness × interval: the session is gone.
            Thread.sleep(forTimeInterval: 3.6)
            try client.send(.credit(.init(credit: 1)))
            guard case .error(let error) = try client.receive() else { throw BrokerTestError("no ERROR") }
            #expect(error.reason == .protocolHelloRequired)
            #expect(broker.terminate() == 0)
        }
    }

    @Test func sigtermSaysByeAndExitsZero() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let client = try AdapterClient(broker: broker, agency: "kemensos")
            try client.hello(agency: "kemensos")
            #expect(broker.terminate() == 0)
            guard case .bye(let bye) = try client.receive() else { throw BrokerTestError("no BYE") }
            #expect(bye.reason == .sessionShuttingDown)
        }
    }
}
