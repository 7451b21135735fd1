import Foundation
import GerbangTesting
import GMP
import Testing
import ZeroMQ

extension Cluster {
    /// `LISTEN gerbang_ready`: an event accepted at one node reaches an idle subscriber at another
    /// node at once, not at that node's next periodic claim (its delivery tick is made 10 s long
    /// here, so only the notification can explain a fast delivery).
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct ClusterWakeUpTests {
        @Test func anEventAcceptedAtOneNodeWakesAnIdleSubscriberAtAnother() async throws {
            let postgres = try PostgresServer.shared()
            try await IOThread.run {
                let cluster = try BrokerCluster(count: 2, routes: BrokerProcess.routes, postgres: postgres,
                                                extraConfiguration: "delivery: {tick-ms: 10000}\nheartbeat: {interval-ms: 30000}",
                                                replacingDefaults: ["heartbeat", "delivery"])
                let subscriber = try AdapterClient(broker: cluster.node(2), agency: "kemensos")
                try subscriber.hello(agency: "kemensos")
                try subscriber.send(.credit(.init(credit: 10)))
                // The claim the CREDIT starts finds nothing; node 2 now waits for its tick (10 s) or a notification.
                Thread.sleep(forTimeInterval: 0.5)
                let publisher = try AdapterClient(broker: cluster.node(1), agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let factory = try TestEventFactory(broker: cluster.node(1))
                let latencies = try Cluster.crossNodeDeliveryLatencies(
                    of: (1...3).map { "wake-\($0)" }, publisher: publisher, subscriber: subscriber, factory: factory)
                print("wake-up across nodes: delivered \(latencies.map { Int($0 * 1_000) }) ms after ACCEPTED (tick 10 s)")
                #expect(latencies.allSatisfy { $0 < 2 }, "\(latencies)")
            }
        }
    }
}
