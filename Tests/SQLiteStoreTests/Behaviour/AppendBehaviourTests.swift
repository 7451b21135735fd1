import Foundation
import Store
import Testing

@Suite("Store behaviour: append and de-duplication")
struct AppendBehaviourTests {
    @Test("append stores the exact bytes with one ready delivery per subscription", arguments: StoreBackend.all)
    func appendStoresEventAndDeliveries(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            var event = TestEvents.make(id: "e-1", partitionKey: "nik-1")
            event.subscriptions = [TestEvents.subscriberA, TestEvents.subscriberB, TestEvents.subscriberA]
            event.body = Array(0...255).map(UInt8.init) + Array("tail".utf8)
            let first = try await store.appendNew(event)
            let second = try await store.appendNew(TestEvents.make(id: "e-2"))
            #expect(second > first)

            let record = try #require(try await store.event(sequence: first))
            #expect(record.event.body == event.body)
            #expect(record.event.source == event.source)
            #expect(record.event.id == "e-1")
            #expect(record.event.type == event.type)
            #expect(record.event.subject == "subject-e-1")
            #expect(record.event.partitionKey == "nik-1")
            #expect(record.event.time == "2027-01-15T08:00:00Z")
            #expect(record.event.acceptedAt == TestEvents.t0)
            #expect(record.deliveries.map(\.subscription) == [TestEvents.subscriberB, TestEvents.subscriberA])
            #expect(record.deliveries.allSatisfy { $0.state == .ready && $0.attempt == 0 && $0.attempts.isEmpty })

            let bySourceAndID = try #require(try await store.event(source: event.source, id: "e-1"))
            #expect(bySourceAndID.event.sequence == first)
            #expect(try await store.event(source: event.source, id: "missing") == nil)
            #expect(try await store.event(sequence: EventSequence(999_999)) == nil)
        }
    }

    @Test("a duplicate within the window is answered with the original sequence and not stored", arguments: StoreBackend.all)
    func duplicateWithinWindow(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let original = try await store.appendNew(TestEvents.make(id: "dup"))
            let later = TestEvents.make(id: "dup", acceptedAt: TestEvents.t0.addingTimeInterval(3599))
            #expect(try await store.append(later) == .duplicate(originalSequence: original))
            // Same id from another source is a different event.
            let otherSource = try await store.append(TestEvents.make(id: "dup", source: "urn:gerbang:agency:bpjs"))
            #expect(!otherSource.isDuplicate)

            let history = try await store.history(HistoryQuery())
            #expect(history.filter { $0.id == "dup" }.count == 2)
            let stats = try await store.queueStats(subscriptions: [TestEvents.subscriberA], now: TestEvents.t0)
            #expect(stats.first?.ready == 2)
            let counters = await store.writeStatistics()
            #expect(counters.duplicates == 1)
            #expect(counters.eventsAppended == 2)
        }
    }

    @Test("events appended together are answered in order, each as if appended alone", arguments: StoreBackend.all)
    func severalEventsInOneCall(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let earlier = try await store.appendNew(TestEvents.make(id: "earlier"))
            var invalid = TestEvents.make(id: "")
            invalid.body = Array("{}".utf8)
            let events = [
                TestEvents.make(id: "first"),
                TestEvents.make(id: "second", partitionKey: "nik-2"),
                TestEvents.make(id: "first", acceptedAt: TestEvents.t0.addingTimeInterval(1)),
                invalid,
                TestEvents.make(id: "earlier", acceptedAt: TestEvents.t0.addingTimeInterval(2)),
                TestEvents.make(id: "third", subscriptions: [TestEvents.subscriberB]),
            ]
            let results = await store.append(events)
            #expect(results.count == events.count)
            let outcomes = results.map { try? $0.get() }
            guard case .accepted(let first)? = outcomes[0], case .accepted(let second)? = outcomes[1],
                  case .accepted(let third)? = outcomes[5] else {
                Issue.record("expected first, second and third to be accepted: \(results)")
                return
            }
            #expect(earlier < first && first < second && second < third, "acceptance order is the call's order")
            #expect(outcomes[2] == .duplicate(originalSequence: first), "a duplicate of an event of the same call")
            #expect(outcomes[4] == .duplicate(originalSequence: earlier), "a duplicate of an earlier call")
            guard case .failure(let error) = results[3] else {
                Issue.record("the event without an id was not refused: \(results[3])")
                return
            }
            #expect(error.reason == .invalidArgument)

            let history = try await store.history(HistoryQuery())
            #expect(history.map(\.id) == ["earlier", "first", "second", "third"])
            let record = try #require(try await store.event(sequence: second))
            #expect(record.event.partitionKey == "nik-2")
            #expect(record.event.body == events[1].body)
            #expect(record.deliveries.map(\.subscription) == [TestEvents.subscriberB, TestEvents.subscriberA])
            let stats = try await store.queueStats(subscriptions: [TestEvents.subscriberA, TestEvents.subscriberB],
                                                   now: TestEvents.t0)
            #expect(stats.map(\.ready) == [4, 3], "\(stats)")
            let counters = await store.writeStatistics()
            #expect(counters.eventsAppended == 4)
            #expect(counters.duplicates == 2)
        }
    }

    @Test("after the window the same (source, id) is accepted again", arguments: StoreBackend.all)
    func duplicateAfterWindow(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let original = try await store.appendNew(TestEvents.make(id: "again"))
            let later = TestEvents.make(id: "again", acceptedAt: TestEvents.t0.addingTimeInterval(3600))
            let outcome = try await store.append(later)
            #expect(outcome == .accepted(EventSequence(original.rawValue + 1)))
            // Now the window counts from the second acceptance.
            let third = TestEvents.make(id: "again", acceptedAt: TestEvents.t0.addingTimeInterval(3700))
            #expect(try await store.append(third) == .duplicate(originalSequence: outcome.sequence))
        }
    }

    @Test("concurrent appends of one (source, id) store it exactly once", arguments: StoreBackend.all)
    func concurrentDuplicates(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let outcomes = try await withThrowingTaskGroup(of: AppendOutcome.self) { group in
                for _ in 0..<50 { group.addTask { try await store.append(TestEvents.make(id: "racy")) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let accepted = outcomes.filter { !$0.isDuplicate }
            #expect(accepted.count == 1)
            #expect(Set(outcomes.map(\.sequence)).count == 1)
            #expect(try await store.history(HistoryQuery()).count == 1)
        }
    }

    @Test("an invalid event fails alone while its batch commits", arguments: StoreBackend.all)
    func invalidEventFailsAlone(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let good = Task { try await store.append(TestEvents.make(id: "good")) }
            let bad = await #expect(throws: StoreError.self) {
                try await store.append(TestEvents.make(id: ""))
            }
            #expect(bad?.reason == .invalidArgument)
            var emptySubscription = TestEvents.make(id: "x")
            emptySubscription.subscriptions = [""]
            let badSubscription = await #expect(throws: StoreError.self) { try await store.append(emptySubscription) }
            #expect(badSubscription?.reason == .invalidArgument)
            let goodOutcome = try await good.value
            #expect(!goodOutcome.isDuplicate)
            #expect(try await store.history(HistoryQuery()).map(\.id) == ["good"])
        }
    }

    @Test("an event without subscriptions is stored without deliveries", arguments: StoreBackend.all)
    func eventWithoutSubscriptions(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let sequence = try await store.appendNew(TestEvents.make(id: "lonely", subscriptions: []))
            let record = try #require(try await store.event(sequence: sequence))
            #expect(record.deliveries.isEmpty)
        }
    }
}
