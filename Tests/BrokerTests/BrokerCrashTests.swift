import Foundation
import GMP
import Testing
import ZeroMQ

/// `kill -9` twice at random moments while a publisher keeps publishing 20,000 signed events
/// (and a few hundred invalid ones) and two subscribers keep consuming.
///
/// After the restarts (same data directory, same port): every event ever answered ACCEPTED
/// reaches both subscribers at least once, no REJECTED one is delivered, redeliveries carry
/// attempt > 1, and events published again after a restart are answered ACCEPTED with the
/// duplicate flag and their original sequence.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct BrokerCrashTests {
    /// Both subscriptions receive `population.death.registered`, as in `Config/routes.yaml`
    /// (without its `order-by`, so that held deliveries do not block their partition). Leases
    /// are long: redeliveries come from the kills, not from expiry.
    static let routes = """
        version: 1
        publish:
          dukcapil: [population.**]
        subscriptions:
          - id: kemensos.bansos
            agency: kemensos
            adapter: bansos
            types: [population.death.registered]
            retry: {visibility-timeout: 5m}
          - id: bpjs-kesehatan.kepesertaan
            agency: bpjs-kesehatan
            adapter: kepesertaan
            types: [population.death.registered]
            retry: {visibility-timeout: 5m}
        """

    /// Valid events (env `GERBANG_CRASH_EVENTS`, default 20,000) and invalid ones (300).
    static var validCount: Int {
        ProcessInfo.processInfo.environment["GERBANG_CRASH_EVENTS"].flatMap { Int($0) } ?? 20_000
    }

    @Test func acceptedEventsSurviveTwoKill9sWhilePublishing() async throws {
        try await IOThread.run {
            var broker = try BrokerProcess(routes: Self.routes, fixedPort: true)
            let factory = try TestEventFactory(broker: broker)
            let validCount = Self.validCount
            let invalidCount = 300
            let started = Date()
            var events = try factory.signedInParallel(count: validCount, idPrefix: "crash")
            for index in 0..<invalidCount {
                events.append(index.isMultiple(of: 2) ? try factory.tampered(id: "crash-bad-\(index)")
                                                       : try factory.schemaViolating(id: "crash-bad-\(index)"))
            }
            var indexOfValid: [[UInt8]: Int] = [:]
            for index in 0..<validCount { indexOfValid[events[index]] = index }
            print("crash test: \(events.count) events signed in \(Int(Date().timeIntervalSince(started) * 1_000)) ms")

            let consumers = [
                try TrackingConsumer(broker: broker, agency: "kemensos", adapter: "bansos"),
                try TrackingConsumer(broker: broker, agency: "bpjs-kesehatan", adapter: "kepesertaan"),
            ]
            var publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")

            var queue = Array(events.indices).shuffled()  // what is still to publish, in order
            var cursor = 0
            var answers = PublishAnswers()
            var kills: [Int] = []
            let firstKill = Int.random(in: validCount / 10...validCount * 4 / 10)
            var killAt = [firstKill, Int.random(in: firstKill + validCount / 10...validCount * 8 / 10)]
            let window = 2_000
            let batch = 100
            let deadline = Date().addingTimeInterval(200)
            var lastHeartbeat = Date()

            func allDelivered() -> Bool {
                consumers.allSatisfy { consumer in answers.accepted.keys.allSatisfy { consumer.attempts[$0] != nil } }
            }

            while Date() < deadline {
                // Publish up to the window.
                while answers.pending.count < window && cursor < queue.count {
                    let slice = queue[cursor..<min(queue.count, cursor + batch)]
                    cursor += slice.count
                    answers.pending.formUnion(slice)
                    try publisher.send(.publish(.init(events: slice.map { .init(tag: UInt64($0), event: events[$0]) })))
                }
                let poller = Poller()
                _ = poller.register(publisher.socket)
                for consumer in consumers { _ = poller.register(consumer.client.socket) }
                _ = try poller.poll(timeout: .milliseconds(50))

                while let message = try publisher.receiveIfAvailable() {
                    guard answers.record(message) else { throw BrokerTestError("publisher received \(message)") }
                }
                for consumer in consumers { try consumer.drain { indexOfValid[$0] } }
                if Date().timeIntervalSince(lastHeartbeat) > 0.3 {
                    try publisher.send(.heartbeat)
                    for consumer in consumers { try consumer.client.send(.heartbeat) }
                    lastHeartbeat = Date()
                }

                if let next = killAt.first, answers.answered >= next {
                    // kill -9 in the middle of publishing: `pending` events may or may not be stored.
                    killAt.removeFirst()
                    kills.append(answers.answered)
                    print("crash test: kill -9 after \(answers.answered) answers, \(answers.pending.count) unanswered, "
                          + "\(consumers.map { $0.attempts.count }) delivered")
                    broker.kill9()
                    broker = try broker.restarted()
                    publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                    try publisher.hello(agency: "dukcapil")
                    for consumer in consumers { try consumer.reconnect(to: broker) }
                    // Unanswered events are published again (same bytes, same id), and so are a
                    // few accepted ones: the de-duplication answers them ACCEPTED duplicate.
                    let again = Array(answers.accepted.keys.shuffled().prefix(20))
                    queue = Array(answers.pending) + again + queue[cursor...]
                    cursor = 0
                    answers.pending.removeAll()
                }
                if cursor == queue.count && answers.pending.isEmpty && killAt.isEmpty && allDelivered() { break }
            }
            for consumer in consumers { try consumer.acknowledgeHeld() }

            print("crash test: kills after \(kills) answers; \(answers.accepted.count) accepted (\(answers.duplicates) duplicate answers), "
                  + "\(answers.rejected.count) rejected, redeliveries \(consumers.map { $0.redeliveryAttempts.count }), "
                  + "\(Int(Date().timeIntervalSince(started))) s")
            #expect(kills.count == 2, "both kills happened while publishing")
            #expect(answers.pending.isEmpty && cursor == queue.count, "every event was answered")
            #expect(answers.accepted.count == validCount, "every valid event is accepted")
            #expect(answers.accepted.keys.allSatisfy { $0 < validCount }, "no invalid event is accepted")
            #expect(answers.rejected.count == invalidCount)
            #expect(Set(answers.rejected.values) == ["signature.invalid", "schema.violation"])
            #expect(answers.duplicates >= 40, "events published again after each restart are answered as duplicates")
            for consumer in consumers {
                let missing = answers.accepted.keys.filter { consumer.attempts[$0] == nil }
                #expect(missing.isEmpty, "\(consumer.agency): \(missing.count) accepted events never delivered")
                #expect(consumer.unexpected.isEmpty, "\(consumer.agency) got events never accepted: \(consumer.unexpected.prefix(5))")
                #expect(consumer.redeliveryAttempts.allSatisfy { $0 > 1 }, "\(consumer.agency): a redelivery has attempt > 1")
            }
            let redeliveries = consumers.map { $0.redeliveryAttempts.count }.reduce(0, +)
            #expect(redeliveries >= 1, "the deliveries held at the kills were redelivered")
            #expect(broker.terminate() == 0)
        }
    }
}
