import Foundation
import GerbangTesting
import GMP
import Testing
import ZeroMQ

extension Cluster {
    /// The `LISTEN` connection comes back after the database server was killed and restarted:
    /// once the nodes' stores work again, an event accepted at node 1 still wakes an idle
    /// subscriber at node 2 within milliseconds (its delivery tick is 10 s long). Uses a
    /// PostgreSQL server of its own (the shared one serves other tests meanwhile).
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct ClusterListenReconnectTests {
        @Test func theListenerReconnectsAfterTheDatabaseServerRestarts() async throws {
            let postgres = try PostgresServer()
            defer { postgres.stop() }
            try await IOThread.run {
                let cluster = try BrokerCluster(count: 2, routes: BrokerProcess.routes, postgres: postgres,
                                                extraConfiguration: "delivery: {tick-ms: 10000}\nheartbeat: {interval-ms: 30000}",
                                                replacingDefaults: ["heartbeat", "delivery"], listenReconnectMaxMilliseconds: 400)
                let factory = try TestEventFactory(broker: cluster.node(1))
                postgres.kill()
                Thread.sleep(forTimeInterval: 1)
                try postgres.restart()

                // Until the stores work again, publishes are refused (store.unavailable); then accepted.
                let publisher = try AdapterClient(broker: cluster.node(1), agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                var number = 0
                let until = Date().addingTimeInterval(30)
                var first: [UInt64: String] = [:]
                repeat {
                    number += 1
                    first = try publisher.publishCollectingVerdicts([.init(tag: 1, event: try factory.signed(id: "again-\(number)"))])
                    if first[1] != "accepted" { Thread.sleep(forTimeInterval: 0.2) }
                } while first[1] != "accepted" && Date() < until
                #expect(first[1] == "accepted", "the store works again after the restart: \(first)")

                let subscriber = try AdapterClient(broker: cluster.node(2), agency: "kemensos")
                try subscriber.hello(agency: "kemensos")
                try subscriber.send(.credit(.init(credit: 10)))
                // The event accepted first is claimed by the CREDIT's own claim.
                guard case .deliver(let earlier) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                try subscriber.send(.ack(.init(deliveryID: earlier.deliveryID)))
                Thread.sleep(forTimeInterval: 1)  // the listener has had time to reconnect (waits ≤ 400 ms)
                let latencies = try Cluster.crossNodeDeliveryLatencies(
                    of: (number + 1...number + 3).map { "again-\($0)" }, publisher: publisher, subscriber: subscriber,
                    factory: factory)
                print("after a database restart: delivered across nodes \(latencies.map { Int($0 * 1_000) }) ms after ACCEPTED")
                #expect(latencies.allSatisfy { $0 < 2 }, "\(latencies)")
                #expect(cluster.node(2).log.contains("ready-deliveries listener"), "the listener noticed the restart")
            }
        }
    }
}
