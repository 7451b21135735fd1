import Foundation
import Store
import Testing

@Suite("Store behaviour: restart")
struct RestartBehaviourTests {
    @Test("reopening the storage restores events, delivery states, and de-duplication", arguments: StoreBackend.all)
    func reopenRestoresEverything(backend: StoreBackend) async throws {
        let storage = try backend.makeStorage(StoreTestOptions())
        let sub = TestEvents.subscriberA
        let lease = TestEvents.t0.addingTimeInterval(30)
        var sequences: [EventSequence] = []

        let store = try await storage.open()
        for index in 0..<6 { sequences.append(try await store.appendNew(TestEvents.make(id: "k\(index)"))) }
        let claimed = try await store.claim(subscription: sub, consumer: "peer-1", limit: 4, ordering: .acceptance,
                                            leaseDeadline: lease, now: TestEvents.t0)
        _ = try await store.acknowledge(claimed[0].id, by: "peer-1", now: TestEvents.t0)
        _ = try await store.scheduleRetry(claimed[1].id, by: "peer-1", retryAt: TestEvents.t0.addingTimeInterval(60),
                                          failure: DeliveryFailure(reason: "consumer.unavailable"), now: TestEvents.t0)
        _ = try await store.deadLetter(claimed[2].id, by: "peer-1", failure: DeliveryFailure(reason: "consumer.rejected"),
                                       now: TestEvents.t0)
        // claimed[3] stays in flight while the "process" goes away.
        await store.close()

        let reopened = try await storage.open()
        #expect(try await reopened.history(HistoryQuery()).map(\.sequence) == sequences)
        let stats = try #require(try await reopened.queueStats(subscriptions: [sub], now: TestEvents.t0).first)
        // 2 never claimed + the in-flight one released at open; 1 waiting; 1 dead; 1 acknowledged.
        #expect(stats.ready == 3)
        #expect(stats.inFlight == 0)
        #expect(stats.waiting == 1)
        #expect(stats.dead == 1)
        let other = try #require(try await reopened.queueStats(subscriptions: [TestEvents.subscriberB], now: TestEvents.t0).first)
        #expect(other.ready == 6)

        let next = try await reopened.claim(subscription: sub, consumer: "peer-9", limit: 10, ordering: .acceptance,
                                            leaseDeadline: lease, now: TestEvents.t0)
        #expect(next.map(\.event.sequence) == [sequences[3], sequences[4], sequences[5]])
        #expect(next.map(\.attempt) == [2, 1, 1])
        let interrupted = try #require(try await reopened.event(sequence: sequences[3])?.deliveries.first { $0.subscription == sub })
        #expect(interrupted.attempts.map(\.outcome) == [.restarted, nil])

        #expect(try await reopened.append(TestEvents.make(id: "k0")) == .duplicate(originalSequence: sequences[0]))
        let newer = try await reopened.appendNew(TestEvents.make(id: "k-new"))
        #expect(newer > sequences[5])
        #expect(try await reopened.deadLetters(matching: DeadLetterFilter()).count == 1)
        await reopened.close()
    }

    @Test("with keep-until-deadline, leases of the previous process expire normally", arguments: StoreBackend.all)
    func leasesSurviveReopenWhenKept(backend: StoreBackend) async throws {
        var options = StoreTestOptions()
        options.releaseInFlightOnOpen = false
        let storage = try backend.makeStorage(options)
        let lease = TestEvents.t0.addingTimeInterval(30)
        let store = try await storage.open()
        _ = try await store.appendNew(TestEvents.make(id: "kept", subscriptions: [TestEvents.subscriberA]))
        _ = try await store.claim(subscription: TestEvents.subscriberA, consumer: "peer-1", limit: 1, ordering: .acceptance,
                                  leaseDeadline: lease, now: TestEvents.t0)
        await store.close()

        let reopened = try await storage.open()
        #expect(try await reopened.queueStats(subscriptions: [TestEvents.subscriberA], now: TestEvents.t0).first?.inFlight == 1)
        #expect(try await reopened.expireLeases(now: lease) == 1)
        let again = try await reopened.claim(subscription: TestEvents.subscriberA, consumer: "peer-2", limit: 1,
                                             ordering: .acceptance, leaseDeadline: lease, now: lease)
        #expect(again.first?.attempt == 2)
        await reopened.close()
    }
}
