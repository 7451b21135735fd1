import Foundation
import GMP
import GerbangTesting
import Testing
import ZeroMQ

/// `gerbangd` with `store.backend: postgres`: a real broker process on a throwaway PostgreSQL
/// server, and `gerbang audit verify --store-url` on the trail it wrote.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct BrokerPostgresTests {
    @Test func brokerOnPostgresDeliversAndItsAuditTrailVerifies() async throws {
        let server = try PostgresServer.shared()
        let url = server.url(database: try server.createDatabase(prefix: "broker"))
        try await IOThread.run {
            let broker = try BrokerProcess(extraConfiguration: """
                store:
                  backend: postgres
                  postgres-url: "\(url)"
                """)
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil", adapter: "siak")
            let event = try TestEvents.signed(broker: broker)
            try publisher.send(.publish(.init(events: [.init(tag: 1, event: event)])))
            guard case .accepted(let accepted) = try publisher.receive() else { throw BrokerTestError("not accepted:\n\(broker.log)") }
            try publisher.send(.publish(.init(events: [.init(tag: 2, event: event)])))
            guard case .accepted(let duplicate) = try publisher.receive() else { throw BrokerTestError("duplicate not accepted") }
            #expect(duplicate.duplicate && duplicate.sequence == accepted.sequence)

            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try subscriber.send(.credit(.init(credit: 10)))
            guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER:\n\(broker.log)") }
            #expect(deliver.event == event)
            #expect(deliver.sequence == accepted.sequence)
            try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
            try subscriber.socket.set(.receiveTimeoutMilliseconds, 700)
            #expect(throws: ZMQError.self) { _ = try subscriber.receive() }
            #expect(broker.terminate() == 0)

            let (status, text) = try Command.run(
                BrokerProcess.binDirectory.appendingPathComponent("gerbang"),
                ["audit", "verify", "--store-url", url,
                 "--data-dir", broker.directory.appendingPathComponent("data").path,
                 "--agencies", BrokerProcess.repositoryRoot.appendingPathComponent("Config/agencies.yaml").path])
            #expect(status == 0, "\(text)")
            #expect(text.contains("audit trail intact"), "\(text)")
            // The accepted event's record and its agency signature, the delivery outcome, and the
            // checkpoint signed when the broker stopped.
            #expect(text.contains("agency signatures checked: 1\n"), "\(text)")
            #expect(!text.contains("checkpoints checked: 0\n"), "\(text)\n\(broker.log)")
        }
    }
}
