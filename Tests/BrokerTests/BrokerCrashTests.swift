import Foundation
import GMP
import Testing
import ZeroMQ

/// `kill -9` twice: in the middle of a publishing burst, then in the middle of the redelivery.
/// Every event answered ACCEPTED before the first kill is delivered at least once, and
/// deliveries in flight at the first kill come back with attempt > 1.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BrokerCrashTests {
    @Test func acceptedEventsSurviveKill9DuringABurst() async throws {
        try await IOThread.run {
            let first = try BrokerProcess()
            let count = 2_000
            let events = try (0..<count).map { _ in try TestEvents.signed(broker: first) }

            // A subscriber holds 10 deliveries without answering when the broker dies.
            let early = try AdapterClient(broker: first, agency: "kemensos")
            try early.hello(agency: "kemensos")
            try early.send(.credit(.init(credit: 10)))

            let publisher = try AdapterClient(broker: first, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            for batch in stride(from: 0, to: count, by: 50) {
                let slice = (batch..<min(count, batch + 50)).map { GMPMessage.Publish.Event(tag: UInt64($0), event: events[$0]) }
                try publisher.send(.publish(.init(events: slice)))
            }
            var accepted: [UInt64: UInt64] = [:]  // tag → sequence
            let killAfter = Int.random(in: 300...1_500)
            while accepted.count < killAfter {
                switch try publisher.receive() {
                case .accepted(let answer): accepted[answer.tag] = answer.sequence
                case let other: throw BrokerTestError("unexpected \(other)")
                }
            }
            var heldSequences: Set<UInt64> = []
            while heldSequences.count < 10 {
                guard case .deliver(let deliver) = try early.receive() else { throw BrokerTestError("no DELIVER") }
                heldSequences.insert(deliver.sequence)
            }
            first.kill9()
            first.removesDirectory = false

            // Second life: take part of the backlog, then die again in the middle of it.
            let second = try BrokerProcess(directory: first.directory)
            let wanted = Set(accepted.values)
            var delivered: [UInt64: UInt32] = [:]  // sequence → highest attempt seen
            func consume(from broker: BrokerProcess, until done: () -> Bool) throws {
                let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
                try subscriber.hello(agency: "kemensos")
                try subscriber.send(.credit(.init(credit: 500)))
                let deadline = Date().addingTimeInterval(90)
                while !done() && Date() < deadline {
                    guard case .deliver(let deliver) = try subscriber.receive() else { continue }
                    delivered[deliver.sequence] = max(delivered[deliver.sequence] ?? 0, deliver.attempt)
                    #expect(events.contains(deliver.event), "only published events are delivered")
                    try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
                }
            }
            let secondKillAfter = Int.random(in: 100...(wanted.count / 2))
            try consume(from: second) { delivered.count >= secondKillAfter }
            second.kill9()

            let third = try BrokerProcess(directory: first.directory)
            third.removesDirectory = true
            try consume(from: third) { wanted.isSubset(of: Set(delivered.keys)) }
            let missing = wanted.subtracting(delivered.keys)
            #expect(missing.isEmpty, "\(missing.count) accepted events were not delivered after the restarts")
            for sequence in heldSequences {
                #expect((delivered[sequence] ?? 0) >= 2, "a delivery in flight at the kill comes back with attempt > 1")
            }
            #expect(third.terminate() == 0)
        }
    }
}
