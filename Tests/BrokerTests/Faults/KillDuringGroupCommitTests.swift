import Foundation
import GMP
import Testing
import ZeroMQ

extension Faults {
    /// `kill -9` of the broker while a large publish load is being committed: 4,000 events are
    /// sent at once (one PUBLISH of 200 after the other, so that the group-commit writer commits
    /// batches of hundreds), and the broker is killed once the first few hundred are answered,
    /// with thousands still unanswered. After the restart the adapter publishes its unanswered
    /// events again; every event ever answered ACCEPTED reaches both subscribers, and the
    /// broker serves new events.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct KillDuringGroupCommitTests {
        @Test func acceptedEventsSurviveAKillDuringGroupCommit() async throws {
            try await IOThread.run {
                var broker = try BrokerProcess(routes: BrokerCrashTests.routes, fixedPort: true, heartbeat: "interval-ms: 10000")
                let ledger = try FaultLedger(broker: broker)
                let consumers = [
                    try TrackingConsumer(broker: broker, agency: "kemensos", adapter: "bansos", credit: 1_000, holdBack: 0),
                    try TrackingConsumer(broker: broker, agency: "bpjs-kesehatan", adapter: "kepesertaan", credit: 1_000, holdBack: 0),
                ]
                var publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let drain = { for consumer in consumers { try consumer.drain { ledger.index(of: $0) } } }

                let load = try ledger.makeEvents(4_000, prefix: "load")
                for start in stride(from: 0, to: load.count, by: 200) {
                    let slice = load[start..<min(load.count, start + 200)]
                    try publisher.send(.publish(.init(events: slice.map { .init(tag: UInt64($0), event: ledger.events[$0]) })))
                }
                // Kill once a few hundred answers are in: the writer is in the middle of the load.
                var answered = 0
                let killed = try FaultPolling.until(timeout: 60, step: {
                    while let message = try publisher.receiveIfAvailable() {
                        if message == .heartbeat { continue }
                        try ledger.record(message)
                        answered += 1
                    }
                }) { answered >= 300 }
                #expect(killed, "the load was being answered")
                broker.kill9()
                let unanswered = load.filter { ledger.accepted[$0] == nil && ledger.rejected[$0] == nil }
                print("kill during group commit: killed after \(answered) answers, \(unanswered.count) unanswered")
                #expect(unanswered.count >= 100, "the kill came while much of the load was unanswered")

                broker = try broker.restarted()
                publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                for consumer in consumers { try consumer.reconnect(to: broker) }
                // The adapter publishes what was never answered again: ACCEPTED (a duplicate when it
                // had been stored before the kill).
                try ledger.publishRetrying(unanswered, with: publisher, timeout: 90)
                let after = try ledger.makeEvents(20, prefix: "after")
                try ledger.publishRetrying(after, with: publisher)
                #expect(load.allSatisfy { ledger.accepted[$0] != nil }, "every event is accepted in the end")
                #expect(after.allSatisfy { ledger.accepted[$0] != nil }, "serving again after the restart")

                let allDelivered = try FaultPolling.until(timeout: 90, heartbeat: [publisher] + consumers.map(\.client), step: drain) {
                    consumers.allSatisfy { consumer in ledger.accepted.keys.allSatisfy { consumer.attempts[$0] != nil } }
                }
                for consumer in consumers {
                    let missing = ledger.accepted.keys.filter { consumer.attempts[$0] == nil }
                    #expect(missing.isEmpty, "\(consumer.agency): \(missing.count) accepted events never delivered")
                    #expect(consumer.unexpected.isEmpty)
                    #expect(consumer.redeliveryAttempts.allSatisfy { $0 > 1 })
                }
                #expect(allDelivered)
                print("kill during group commit: \(ledger.accepted.count) accepted, delivered to both subscribers")
                #expect(broker.terminate() == 0)
            }
        }
    }
}
