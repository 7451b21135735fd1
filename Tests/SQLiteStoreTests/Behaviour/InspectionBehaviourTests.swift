import Foundation
import Store
import Testing

@Suite("Store behaviour: inspection and housekeeping")
struct InspectionBehaviourTests {
    @Test("history reads from the start, after a sequence, and since a time", arguments: StoreBackend.all)
    func history(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            var sequences: [EventSequence] = []
            for index in 0..<10 {
                let acceptedAt = TestEvents.t0.addingTimeInterval(Double(index) * 60)
                sequences.append(try await store.appendNew(TestEvents.make(id: "h\(index)", acceptedAt: acceptedAt)))
            }
            #expect(try await store.history(HistoryQuery()).map(\.sequence) == sequences)
            #expect(try await store.history(HistoryQuery(limit: 3)).map(\.sequence) == Array(sequences[0..<3]))
            #expect(try await store.history(HistoryQuery(afterSequence: sequences[6])).map(\.sequence) == Array(sequences[7...]))
            let since = TestEvents.t0.addingTimeInterval(4 * 60)
            #expect(try await store.history(HistoryQuery(since: since)).map(\.id) == ["h4", "h5", "h6", "h7", "h8", "h9"])
            #expect(try await store.history(HistoryQuery(afterSequence: sequences[7], since: since)).map(\.id) == ["h8", "h9"])
            #expect(try await store.history(HistoryQuery(since: TestEvents.t0.addingTimeInterval(3600))).isEmpty)
        }
    }

    @Test("queue statistics count states and the oldest pending age", arguments: StoreBackend.all)
    func queueStatistics(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let sub = TestEvents.subscriberA
            for index in 0..<5 {
                let acceptedAt = TestEvents.t0.addingTimeInterval(Double(index))
                _ = try await store.appendNew(TestEvents.make(id: "q\(index)", acceptedAt: acceptedAt, subscriptions: [sub]))
            }
            let claimed = try await store.claim(subscription: sub, consumer: "peer-1", limit: 3, ordering: .acceptance,
                                                leaseDeadline: TestEvents.t0.addingTimeInterval(30), now: TestEvents.t0)
            _ = try await store.acknowledge(claimed[0].id, by: "peer-1", now: TestEvents.t0)
            _ = try await store.deadLetter(claimed[1].id, by: "peer-1", failure: DeliveryFailure(reason: "r"), now: TestEvents.t0)

            let now = TestEvents.t0.addingTimeInterval(100)
            let stats = try await store.queueStats(subscriptions: [sub, "empty"], now: now)
            #expect(stats.map(\.subscription) == ["dukcapil/death-feed", "empty"])
            #expect(stats[0].ready == 2 && stats[0].inFlight == 1 && stats[0].waiting == 0 && stats[0].dead == 1)
            #expect(stats[0].oldestPendingAcceptedAt == TestEvents.t0.addingTimeInterval(2))
            #expect(abs(stats[0].oldestPendingAge - 98) < 0.01)
            #expect(stats[1].pending == 0 && stats[1].dead == 0 && stats[1].oldestPendingAcceptedAt == nil)
            #expect(try await store.queueStats(subscriptions: [], now: now).isEmpty)
        }
    }

    @Test("prune deletes old acknowledged events only; the window is decided by acceptance time", arguments: StoreBackend.all)
    func prune(backend: StoreBackend) async throws {
        // Window 1 h, retention 2 h (StoreTestOptions defaults).
        try await backend.withStore { store, _ in
            let sub = TestEvents.subscriberA
            let acked = try await store.appendNew(TestEvents.make(id: "old-acked", subscriptions: [sub]))
            let pending = try await store.appendNew(TestEvents.make(id: "old-pending", subscriptions: [sub]))
            let recent = try await store.appendNew(
                TestEvents.make(id: "recent", acceptedAt: TestEvents.t0.addingTimeInterval(5400), subscriptions: [sub]))
            let claimed = try await store.claim(subscription: sub, consumer: "peer-1", limit: 1, ordering: .acceptance,
                                                leaseDeadline: TestEvents.t0.addingTimeInterval(30), now: TestEvents.t0)
            #expect(claimed.first?.event.sequence == acked)
            _ = try await store.acknowledge(claimed[0].id, by: "peer-1", now: TestEvents.t0)

            #expect(try await store.prune(now: TestEvents.t0.addingTimeInterval(7199)) == PruneReport(eventsRemoved: 0))
            #expect(try await store.prune(now: TestEvents.t0.addingTimeInterval(7200)) == PruneReport(eventsRemoved: 1))
            #expect(try await store.event(sequence: acked) == nil)
            #expect(try await store.event(sequence: pending) != nil)
            #expect(try await store.event(sequence: recent) != nil)
            #expect(try await store.prune(now: TestEvents.t0.addingTimeInterval(7200)) == PruneReport(eventsRemoved: 0))

            // Outside the window the same ids are new events (pruned or not); sequences are never reused.
            let later = TestEvents.t0.addingTimeInterval(7200)
            let reaccepted = try await store.appendNew(TestEvents.make(id: "old-acked", acceptedAt: later, subscriptions: [sub]))
            #expect(reaccepted > recent)
            let pendingAgain = try await store.appendNew(TestEvents.make(id: "old-pending", acceptedAt: later, subscriptions: [sub]))
            #expect(pendingAgain > reaccepted)
            #expect(try await store.event(source: "urn:gerbang:agency:dukcapil", id: "old-pending")?.event.sequence == pendingAgain)
            // Inside the window: still a duplicate.
            #expect(try await store.append(TestEvents.make(id: "recent", acceptedAt: later)) == .duplicate(originalSequence: recent))
        }
    }
}
