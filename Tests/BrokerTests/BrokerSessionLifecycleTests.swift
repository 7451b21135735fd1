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
            #expect(Date().timeIntervalSince(started) < 3.0)
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

    @Test func shippedConfigurationAndRoutesRunOnAFreshDataDirectory() async throws {
        try await IOThread.run {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbangd-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let root = BrokerProcess.repositoryRoot
            let broker = try BrokerProcess(
                directory: directory,
                arguments: ["--config", "Config/gerbang.yaml", "--dev", "--data-dir", directory.appendingPathComponent("data").path,
                            "--endpoint", "tcp://127.0.0.1:*", "--metrics-endpoint", "127.0.0.1:0",
                            "--admin-endpoint", "tcp://127.0.0.1:*"],
                workingDirectory: root)
            broker.removesDirectory = true
            // Config/routes.yaml: kemensos/bansos receives deaths; dukcapil publishes population.**.
            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            let welcome = try subscriber.hello(agency: "kemensos", adapter: "bansos")
            #expect(welcome.subscriptions == ["kemensos.bansos"])
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil", adapter: "siak")
            let event = try TestEvents.signed(broker: broker)
            try publisher.send(.publish(.init(events: [.init(tag: 1, event: event)])))
            guard case .accepted = try publisher.receive() else { throw BrokerTestError("not accepted:\n\(broker.log)") }
            try subscriber.send(.credit(.init(credit: 1)))
            guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
            #expect(deliver.event == event)
            #expect(deliver.leaseMilliseconds == 30_000)
            #expect(broker.terminate() == 0)
        }
    }

    @Test func sighupReloadsRoutesAndKeepsThemWhenTheNewFileIsInvalid() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let routesFile = broker.directory.appendingPathComponent("routes.yaml")
            let bank = try AdapterClient(broker: broker, agency: "bank-bri")
            try bank.hello(agency: "bank-bri")
            func publishSettled(tag: UInt64) throws -> GMPMessage {
                let event = try TestEvents.signed(type: "socialaid.disbursement.settled", agency: "bank-bri", broker: broker)
                try bank.send(.publish(.init(events: [.init(tag: tag, event: event)])))
                return try bank.receive()
            }
            guard case .rejected(let before) = try publishSettled(tag: 1) else { throw BrokerTestError("accepted before reload") }
            #expect(before.reason == .routeNotPermitted)

            try (BrokerProcess.routes.replacingOccurrences(
                of: "  kemensos: [socialaid.**]", with: "  kemensos: [socialaid.**]\n  bank-bri: [socialaid.disbursement.settled]"))
                .write(to: routesFile, atomically: true, encoding: .utf8)
            kill(broker.process.processIdentifier, SIGHUP)
            Thread.sleep(forTimeInterval: 0.5)
            guard case .accepted = try publishSettled(tag: 2) else { throw BrokerTestError("not accepted after reload:\n\(broker.log)") }

            // An invalid file is refused with its line number; the routes in force stay.
            try "version: 1\npublish:\n  bank-bri: [socialaid.disbursement.settled]\nsubscriptions: []\nbogus: 1\n"
                .write(to: routesFile, atomically: true, encoding: .utf8)
            kill(broker.process.processIdentifier, SIGHUP)
            Thread.sleep(forTimeInterval: 0.5)
            guard case .accepted = try publishSettled(tag: 3) else { throw BrokerTestError("routes lost after a refused reload") }
            #expect(broker.log.contains("routes refused"))
            #expect(broker.log.contains(":5"), "the refusal names line 5")

            // A reload that changes a granted subscription ends the sessions holding it (BYE), so
            // that they say HELLO again; other sessions stay.
            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try (BrokerProcess.routes.replacingOccurrences(of: "max-attempts: 3", with: "max-attempts: 4")
                .replacingOccurrences(of: "  kemensos: [socialaid.**]", with: "  kemensos: [socialaid.**]\n  bank-bri: [socialaid.disbursement.settled]"))
                .write(to: routesFile, atomically: true, encoding: .utf8)
            kill(broker.process.processIdentifier, SIGHUP)
            guard case .bye(let bye) = try subscriber.receive() else { throw BrokerTestError("no BYE after the grant changed") }
            #expect(bye.reason == .sessionClosed)
            let regranted = try subscriber.hello(agency: "kemensos")
            #expect(regranted.subscriptions == ["kemensos-population"])
            guard case .accepted = try publishSettled(tag: 4) else { throw BrokerTestError("publisher session lost by the reload") }
            #expect(broker.terminate() == 0)
        }
    }
}
