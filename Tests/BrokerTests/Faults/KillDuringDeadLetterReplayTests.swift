import Foundation
import GMP
import Testing
import ZeroMQ

extension Faults {
    /// `kill -9` of the broker during a dead-letter replay: 1,000 events are dead-lettered (the
    /// subscriber rejects each permanently), an operator runs `gerbang dlq replay --yes`, and the
    /// broker is killed either as soon as the request can have reached it (the replay's
    /// transaction may or may not have committed) or while the replayed deliveries are flowing to
    /// the fixed subscriber (most of them unacknowledged). After the restart every one of those
    /// events is either still a dead letter or delivered — never lost —; a second replay
    /// delivers the rest, and the broker serves new events.
    @Suite(.serialized, .timeLimit(.minutes(4)))
    struct KillDuringDeadLetterReplayTests {
        static let subscription = "kemensos-population"

        /// When the broker is killed.
        enum KillPoint: String, CaseIterable, CustomTestStringConvertible {
            /// 60 ms after the CLI started (its request is on its way or being committed).
            case whileTheReplayIsRequested = "while the replay is requested"
            /// Once the subscriber has received 300 replayed deliveries.
            case whileReplayedDeliveriesFlow = "while the replayed deliveries flow"

            var testDescription: String { rawValue }
        }

        @Test(arguments: KillPoint.allCases)
        func replayedDeadLettersAreStillDeadOrDeliveredAfterAKill(killPoint: KillPoint) async throws {
            try await IOThread.run {
                var broker = try BrokerProcess(routes: DiskFullTests.routes, fixedPort: true, heartbeat: "interval-ms: 10000")
                let ledger = try FaultLedger(broker: broker)
                let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let count = 1_000
                let letters = try ledger.makeEvents(count, prefix: "dead")
                #expect(try ledger.publish(letters, with: publisher, batch: 250).isEmpty)
                let indexOfID = Dictionary(uniqueKeysWithValues: (0..<count).map { ("dead-\($0)", letters[$0]) })

                // A broken subscriber rejects every delivery permanently: all of them become dead letters.
                let broken = try AdapterClient(broker: broker, agency: "kemensos")
                try broken.hello(agency: "kemensos")
                try broken.send(.credit(.init(credit: 1_000)))
                var rejected = 0
                let allDead = try FaultPolling.until(timeout: 60, heartbeat: [broken], step: {
                    while let message = try broken.receiveIfAvailable() {
                        guard case .deliver(let deliver) = message else { continue }
                        try broken.send(.nack(.init(deliveryID: deliver.deliveryID, disposition: .permanent,
                                                    reason: "consumer.rejected", message: "mapping table missing")))
                        rejected += 1
                    }
                }) {
                    try rejected >= count
                        && FaultPolling.metric(try FaultPolling.metrics(broker),
                                               "gerbang_queue_depth{subscription=\"\(Self.subscription)\",state=\"dead\"}") == Double(count)
                }
                #expect(allDead, "every event is a dead letter (\(rejected) rejected)")
                try broken.send(.bye(.init(reason: .sessionClosed)))

                // The subscriber is fixed; an operator replays; the broker is killed while the
                // replayed deliveries flow (the subscriber holds most of them unacknowledged).
                let fixed = try TrackingConsumer(broker: broker, agency: "kemensos", adapter: "main", credit: 300, holdBack: 250)
                let replay = try OperatorCLI(broker, as: "oscar", ["dlq", "replay", "--subscription", Self.subscription, "--yes"])
                let requested = Date()
                let killNow = try FaultPolling.until(timeout: 60, heartbeat: [fixed.client], step: {
                    try fixed.drain { ledger.index(of: $0) }
                }) {
                    switch killPoint {
                    case .whileTheReplayIsRequested: Date().timeIntervalSince(requested) >= 0.06
                    case .whileReplayedDeliveriesFlow: fixed.attempts.count >= 300
                    }
                }
                #expect(killNow, "the kill point was reached: \(replay.stderr)")
                broker.kill9()
                _ = replay.wait(timeout: 10)
                let deliveredBeforeKill = fixed.attempts.count
                print("kill during DLQ replay (\(killPoint.rawValue)): killed after \(deliveredBeforeKill) replayed deliveries; replay said: "
                      + replay.stdout.trimmingCharacters(in: .whitespacesAndNewlines))

                broker = try broker.restarted()
                try fixed.reconnect(to: broker)
                let database = broker.dataDirectory.appendingPathComponent("gerbang.sqlite")
                // Every replayed event is still dead or gets delivered.
                var dead: Set<Int> = []
                let accounted = try FaultPolling.until(timeout: 60, heartbeat: [fixed.client], step: {
                    try fixed.drain { ledger.index(of: $0) }
                    try fixed.acknowledgeHeld()
                }) {
                    dead = Set(try StoreInspection.eventIDs(in: database, subscription: Self.subscription, state: "dead")
                        .compactMap { indexOfID[$0] })
                    return letters.allSatisfy { dead.contains($0) || fixed.attempts[$0] != nil }
                }
                let lost = letters.filter { !dead.contains($0) && fixed.attempts[$0] == nil }
                print("kill during DLQ replay (\(killPoint.rawValue)): after the restart \(dead.count) still dead, \(fixed.attempts.count) delivered, \(lost.count) lost")
                #expect(accounted && lost.isEmpty, "\(lost.count) replayed dead letters neither dead nor delivered")

                // A second replay (if any are still dead) delivers the rest; new events are served.
                if !dead.isEmpty {
                    let again = try OperatorCLI.run(broker, as: "oscar", ["dlq", "replay", "--subscription", Self.subscription, "--yes"])
                    #expect(again.status == 0, "\(again.stderr)")
                }
                let newPublisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try newPublisher.hello(agency: "dukcapil")
                let after = try ledger.makeEvents(20, prefix: "after")
                try ledger.publishRetrying(after, with: newPublisher)
                let allDelivered = try FaultPolling.until(timeout: 60, heartbeat: [fixed.client, newPublisher], step: {
                    try fixed.drain { ledger.index(of: $0) }
                    try fixed.acknowledgeHeld()
                }) { ledger.accepted.keys.allSatisfy { fixed.attempts[$0] != nil } }
                #expect(allDelivered, "every accepted event is delivered in the end, the new ones included")
                #expect(fixed.unexpected.isEmpty)
                #expect(broker.terminate() == 0)
            }
        }
    }
}
