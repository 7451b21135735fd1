#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GMP
import Testing
import ZeroMQ

extension Faults {
    /// `kill -9` of the broker right after a route reload: the routes file is rewritten (a
    /// subscription removed, one added), the broker gets SIGHUP while a publisher keeps
    /// publishing, and is killed a few milliseconds later. After the restart the routes in force
    /// are the file's (the added subscription is granted, the removed one refused), every event
    /// ever answered ACCEPTED reaches the subscription that kept receiving it, and new events go
    /// to the subscriptions of the new file.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct KillDuringRouteReloadTests {
        static let before = """
            version: 1
            publish:
              dukcapil: [population.**]
            subscriptions:
              - id: kemensos-population
                agency: kemensos
                adapter: main
                types: [population.**]
              - id: bpjs-old
                agency: bpjs-kesehatan
                adapter: kepesertaan
                types: [population.birth.registered]
            """

        static let after = """
            version: 1
            publish:
              dukcapil: [population.**]
            subscriptions:
              - id: kemensos-population
                agency: kemensos
                adapter: main
                types: [population.**]
              - id: bpjs-deaths
                agency: bpjs-kesehatan
                adapter: kepesertaan
                types: [population.death.registered]
            """

        @Test func routesInForceAfterAKillAreTheFilesAndNothingAcceptedIsLost() async throws {
            try await IOThread.run {
                var broker = try BrokerProcess(routes: Self.before, fixedPort: true, heartbeat: "interval-ms: 10000")
                let ledger = try FaultLedger(broker: broker)
                let kemensos = try TrackingConsumer(broker: broker, agency: "kemensos", adapter: "main", credit: 1_000, holdBack: 20)
                var publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let first = try ledger.makeEvents(200, prefix: "first")
                #expect(try ledger.publish(first, with: publisher).isEmpty)

                // Publishing continues while the routes change and the broker dies.
                let load = try ledger.makeEvents(1_000, prefix: "load")
                for start in stride(from: 0, to: load.count, by: 200) {
                    let slice = load[start..<min(load.count, start + 200)]
                    try publisher.send(.publish(.init(events: slice.map { .init(tag: UInt64($0), event: ledger.events[$0]) })))
                }
                try Self.after.write(to: broker.directory.appendingPathComponent("routes.yaml"), atomically: true, encoding: .utf8)
                kill(broker.process.processIdentifier, SIGHUP)
                let reloaded = try FaultPolling.until(timeout: 10) { broker.log.contains("routes reloaded") }
                usleep(5_000)
                broker.kill9()
                while let message = try publisher.receiveIfAvailable() {
                    if message != .heartbeat { try ledger.record(message) }
                }
                try kemensos.drain { ledger.index(of: $0) }
                let unanswered = load.filter { ledger.accepted[$0] == nil && ledger.rejected[$0] == nil }
                print("kill during route reload: reload logged before the kill: \(reloaded); \(unanswered.count) of the load unanswered")
                #expect(reloaded, "the kill came after the reload")

                broker = try broker.restarted()
                try kemensos.reconnect(to: broker)
                publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")

                // The routes in force are the file's: bpjs-deaths is granted, bpjs-old refused.
                let refusedOld = try AdapterClient(broker: broker, agency: "bpjs-kesehatan")
                try refusedOld.send(.hello(.init(agency: "bpjs-kesehatan", adapterName: "kepesertaan", adapterVersion: "1.0.0",
                                                 subscriptions: ["bpjs-old"])))
                guard case .error(let error) = try refusedOld.receive() else { throw BrokerTestError("bpjs-old was granted") }
                #expect(error.reason == .routeUnknownSubscription, "the removed subscription is gone after the restart")
                let bpjs = try TrackingConsumer(broker: broker, agency: "bpjs-kesehatan", adapter: "kepesertaan", credit: 1_000, holdBack: 0,
                                                subscriptions: ["bpjs-deaths"])
                let routes = try OperatorCLI.run(broker, as: "vera", ["routes", "-o", "json"])
                #expect(routes.status == 0 && routes.stdout.contains("bpjs-deaths") && !routes.stdout.contains("bpjs-old"),
                        "gerbang routes shows the file's routes: \(routes.stdout.prefix(300))")

                try ledger.publishRetrying(unanswered, with: publisher, timeout: 90)
                let fresh = try ledger.makeEvents(50, prefix: "fresh")
                try ledger.publishRetrying(fresh, with: publisher)
                #expect(fresh.allSatisfy { ledger.accepted[$0] != nil }, "serving again after the restart")

                let consumers = [kemensos, bpjs]
                let done = try FaultPolling.until(timeout: 90, heartbeat: [publisher] + consumers.map(\.client), step: {
                    for consumer in consumers {
                        try consumer.drain { ledger.index(of: $0) }
                        try consumer.acknowledgeHeld()
                    }
                }) {
                    ledger.accepted.keys.allSatisfy { kemensos.attempts[$0] != nil } && fresh.allSatisfy { bpjs.attempts[$0] != nil }
                }
                let missing = ledger.accepted.keys.filter { kemensos.attempts[$0] == nil }
                #expect(done && missing.isEmpty, "\(missing.count) accepted events never reached kemensos-population")
                #expect(fresh.allSatisfy { bpjs.attempts[$0] != nil }, "the new subscription receives the new events")
                #expect(first.allSatisfy { bpjs.attempts[$0] == nil }, "events accepted before the reload are not routed to it")
                #expect(kemensos.unexpected.isEmpty && bpjs.unexpected.isEmpty)
                print("kill during route reload: \(ledger.accepted.count) accepted, all delivered to kemensos; "
                      + "bpjs-deaths got \(bpjs.attempts.count)")
                #expect(broker.terminate() == 0)
            }
        }
    }
}
