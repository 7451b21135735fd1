@testable import Broker
import Store
import Testing

/// `node:` settings, the node's default id and its consumer ids.
@Suite struct ClusterConfigurationTests {
    @Test func nodeSettingsAreReadWithTheirDefaults() throws {
        #expect(BrokerConfiguration().node == NodeSettings(id: nil, heartbeatIntervalMilliseconds: 2_000,
                                                           staleAfterMilliseconds: 10_000, listenReconnectMaxMilliseconds: 5_000))
        #expect(BrokerConfiguration().audit.recordClaims == false)
        let configuration = try BrokerConfiguration.parse(yaml: """
            node: {id: "jkt-a", heartbeat-interval-ms: 500, stale-after-ms: 1500, listen-reconnect-max-ms: 2000}
            audit: {record-claims: true}
            """)
        #expect(configuration.node.id == "jkt-a")
        #expect(configuration.node.heartbeatIntervalMilliseconds == 500)
        #expect(configuration.node.staleAfterMilliseconds == 1_500)
        #expect(configuration.node.listenReconnectMaxMilliseconds == 2_000)
        #expect(configuration.audit.recordClaims)
    }

    @Test func badNodeSettingsAreRefusedWithTheirReason() {
        for yaml in ["node: {id: \"a/b\"}", "node: {id: \"\"}", "node: {heartbeat-interval-ms: 5000, stale-after-ms: 6000}",
                     "node: {unknown: 1}", "node: {heartbeat-interval-ms: 10}"] {
            #expect(throws: BrokerConfigurationError.self, "\(yaml)") { try BrokerConfiguration.parse(yaml: yaml) }
        }
    }

    @Test func theDefaultNodeIDIsTheHostAndTheBoundPort() {
        let node = NodeIdentity(settings: NodeSettings(), boundEndpoint: "tcp://127.0.0.1:41234", hostName: "broker-a.gerbang.go.id")
        #expect(node.id.rawValue == "broker-a:41234")
        #expect(node.incarnation.count == 8)
        let configured = NodeIdentity(settings: NodeSettings(id: "jkt-a"), boundEndpoint: "tcp://127.0.0.1:5560")
        #expect(configured.id.rawValue == "jkt-a")
        #expect(NodeIdentity(settings: NodeSettings(), boundEndpoint: "tcp://0.0.0.0:1", hostName: "bad host!").id.rawValue
            == "bad-host-:1")
    }

    @Test func consumerIDsNameTheirNodeAndRun() {
        let node = NodeIdentity(settings: NodeSettings(id: "jkt-a"), boundEndpoint: "tcp://127.0.0.1:5560")
        let consumer = node.consumer(agency: "kemensos", adapter: "bansos", session: 7)
        #expect(consumer.rawValue == "jkt-a/\(node.incarnation)/kemensos/bansos/7")
        #expect(consumer.node?.rawValue == "jkt-a")
        #expect(ConsumerID("kemensos/main/1").node?.rawValue == "kemensos")
        #expect(ConsumerID("no-slash").node == nil)
        let restarted = NodeIdentity(settings: NodeSettings(id: "jkt-a"), boundEndpoint: "tcp://127.0.0.1:5560")
        #expect(restarted.consumer(agency: "kemensos", adapter: "bansos", session: 7) != consumer,
                "a new run's consumers never name the previous run's leases")
    }
}
