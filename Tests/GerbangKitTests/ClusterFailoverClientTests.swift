import Envelope
import Foundation
import GerbangKit
import GerbangTesting
import Logging
import Testing

@Suite("GerbangClient fails over to the other nodes of a cluster", .serialized)
struct ClusterFailoverClientTests {
    @Test("a client whose first endpoint never answers publishes through its failover endpoint")
    func failsOverToTheNextEndpoint() async throws {
        let broker = try TestBroker()
        var configuration = try broker.configuration(agency: "dukcapil")
        let live = configuration.endpoint
        // A node that is down: nothing listens there, so no WELCOME comes.
        configuration.endpoint = "tcp://127.0.0.1:\(try LocalPort.free())"
        configuration.failoverEndpoints = [live]
        configuration.connectTimeout = .milliseconds(300)
        let publisher = try GerbangClient(configuration: configuration, logger: testLogger)
        let receipt = try await publisher.publish(try TestBroker.exampleEvent())
        #expect(!receipt.duplicate)
        await publisher.close()
    }

    @Test("failover-endpoints is read from the client's YAML")
    func failoverEndpointsFromYAML() throws {
        let broker = try TestBroker()
        let yaml = """
            endpoint: tcp://127.0.0.1:5560
            failover-endpoints: [tcp://127.0.0.1:5570, tcp://127.0.0.1:5580]
            agency: dukcapil
            adapter: main
            data-directory: \(broker.dataDirectory.path)
            """
        let configuration = try GerbangClient.Configuration.load(yaml: yaml)
        #expect(configuration.failoverEndpoints == ["tcp://127.0.0.1:5570", "tcp://127.0.0.1:5580"])
    }
}
