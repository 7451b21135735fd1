import Foundation
import Store
import Testing

@Suite("Store behaviour: claims, ordering, leases")
struct ClaimBehaviourTests {
    let consumer: ConsumerID = "peer-1"
    let lease = TestEvents.t0.addingTimeInterval(30)

    @Test("claims hand out ready deliveries in acceptance order, up to the limit", arguments: StoreBackend.all)
    func claimInAcceptanceOrder(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            var sequences: [EventSequence] = []
            for index in 0..<10 { sequences.append(try await store.appendNew(TestEvents.make(id: "o-\(index)"))) }

            let first = try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 4,
                                              ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(first.map(\.event.sequence) == Array(sequences[0..<4]))
            #expect(first.allSatisfy { $0.attempt == 1 && $0.leaseDeadline == lease && $0.subscription == TestEvents.subscriberA })
            #expect(first.map(\.event.id) == ["o-0", "o-1", "o-2", "o-3"])
            #expect(first[0].event.body == Array("{\"id\":\"o-0\"}".utf8))

            let rest = try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 100,
                                             ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(rest.map(\.event.sequence) == Array(sequences[4...]))
            let none = try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 100,
                                             ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(none.isEmpty)
            // The other subscription is untouched.
            let other = try await store.claim(subscription: TestEvents.subscriberB, consumer: "peer-2", limit: 100,
                                              ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(other.map(\.event.sequence) == sequences)
            #expect(try await store.claim(subscription: "nobody", consumer: consumer, limit: 5, ordering: .acceptance,
                                          leaseDeadline: lease, now: TestEvents.t0).isEmpty)
            #expect(try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 0,
                                          ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0).isEmpty)
            let negative = await #expect(throws: StoreError.self) {
                try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: -1,
                                      ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            }
            #expect(negative?.reason == .invalidArgument)

            let stats = try #require(try await store.queueStats(subscriptions: [TestEvents.subscriberA], now: TestEvents.t0).first)
            #expect(stats.inFlight == 10 && stats.ready == 0)
        }
    }

    @Test("partition ordering: one delivery per partition key in flight or waiting", arguments: StoreBackend.all)
    func partitionOrdering(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let sub = TestEvents.subscriberA
            let a1 = try await store.appendNew(TestEvents.make(id: "a1", partitionKey: "A", subscriptions: [sub]))
            let a2 = try await store.appendNew(TestEvents.make(id: "a2", partitionKey: "A", subscriptions: [sub]))
            let b1 = try await store.appendNew(TestEvents.make(id: "b1", partitionKey: "B", subscriptions: [sub]))
            let a3 = try await store.appendNew(TestEvents.make(id: "a3", partitionKey: "A", subscriptions: [sub]))
            let n1 = try await store.appendNew(TestEvents.make(id: "n1", subscriptions: [sub]))
            let n2 = try await store.appendNew(TestEvents.make(id: "n2", subscriptions: [sub]))
            let b2 = try await store.appendNew(TestEvents.make(id: "b2", partitionKey: "B", subscriptions: [sub]))

            func claimAll() async throws -> [ClaimedDelivery] {
                try await store.claim(subscription: sub, consumer: consumer, limit: 100, ordering: .partitionKey,
                                      leaseDeadline: lease, now: TestEvents.t0)
            }
            let round1 = try await claimAll()
            #expect(round1.map(\.event.sequence) == [a1, b1, n1, n2])
            #expect(try await claimAll().isEmpty)

            // Acknowledging A's head releases the next of A only.
            let headA = try #require(round1.first { $0.event.sequence == a1 })
            #expect(try await store.acknowledge(headA.id, by: consumer, now: TestEvents.t0) == .applied)
            let round2 = try await claimAll()
            #expect(round2.map(\.event.sequence) == [a2])

            // A retry keeps the partition blocked until it is delivered and answered.
            let failure = DeliveryFailure(reason: "consumer.unavailable", detail: "database down")
            #expect(try await store.scheduleRetry(round2[0].id, by: consumer, retryAt: TestEvents.t0.addingTimeInterval(5),
                                                  failure: failure, now: TestEvents.t0) == .applied)
            let headB = try #require(round1.first { $0.event.sequence == b1 })
            #expect(try await store.acknowledge(headB.id, by: consumer, now: TestEvents.t0) == .applied)
            #expect(try await claimAll().map(\.event.sequence) == [b2])
            #expect(try await store.promoteDueRetries(now: TestEvents.t0.addingTimeInterval(5)) == 1)
            let redelivery = try await claimAll()
            #expect(redelivery.map(\.event.sequence) == [a2])
            #expect(redelivery.first?.attempt == 2)
            #expect(try await store.acknowledge(redelivery[0].id, by: consumer, now: TestEvents.t0) == .applied)
            #expect(try await claimAll().map(\.event.sequence) == [a3])
        }
    }

    @Test("acceptance ordering ignores partitions", arguments: StoreBackend.all)
    func acceptanceOrderingIgnoresPartitions(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            for index in 0..<5 {
                _ = try await store.appendNew(TestEvents.make(id: "p\(index)", partitionKey: "same"))
            }
            let claimed = try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 10,
                                                ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(claimed.count == 5)
        }
    }

    @Test("an expired lease makes the delivery claimable again with attempt + 1", arguments: StoreBackend.all)
    func leaseExpiryRedelivers(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let sequence = try await store.appendNew(TestEvents.make(id: "lease", subscriptions: [TestEvents.subscriberA]))
            let claimed = try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 1,
                                                ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(claimed.count == 1)
            #expect(try await store.nextScheduledTransition() == lease)
            #expect(try await store.expireLeases(now: lease.addingTimeInterval(-0.5)) == 0)
            #expect(try await store.expireLeases(now: lease) == 1)
            #expect(try await store.nextScheduledTransition() == nil)

            let secondLease = lease.addingTimeInterval(60)
            let again = try await store.claim(subscription: TestEvents.subscriberA, consumer: "peer-2", limit: 1,
                                              ordering: .acceptance, leaseDeadline: secondLease, now: lease)
            #expect(again.map(\.event.sequence) == [sequence])
            #expect(again.first?.attempt == 2)
            #expect(again.first?.id == claimed.first?.id)

            let record = try #require(try await store.event(sequence: sequence))
            let delivery = try #require(record.deliveries.first)
            #expect(delivery.state == .inFlight)
            #expect(delivery.consumer == "peer-2")
            #expect(delivery.leaseDeadline == secondLease)
            #expect(delivery.attempts.map(\.attempt) == [1, 2])
            #expect(delivery.attempts.map(\.outcome) == [.leaseExpired, nil])
            #expect(delivery.attempts.map(\.consumer) == [consumer, "peer-2"])
        }
    }

    @Test("a consumer's disconnect returns its in-flight deliveries to ready", arguments: StoreBackend.all)
    func releaseOnDisconnect(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            for index in 0..<5 { _ = try await store.appendNew(TestEvents.make(id: "r\(index)")) }
            let byOne = try await store.claim(subscription: TestEvents.subscriberA, consumer: "peer-1", limit: 3,
                                              ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            let byTwo = try await store.claim(subscription: TestEvents.subscriberA, consumer: "peer-2", limit: 3,
                                              ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            let byThree = try await store.claim(subscription: TestEvents.subscriberB, consumer: "peer-1", limit: 1,
                                                ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(byOne.count == 3 && byTwo.count == 2 && byThree.count == 1)

            #expect(try await store.releaseDeliveries(of: "peer-1", now: TestEvents.t0) == 4)
            #expect(try await store.releaseDeliveries(of: "peer-1", now: TestEvents.t0) == 0)
            let stats = try await store.queueStats(subscriptions: nil, now: TestEvents.t0)
            #expect(stats.map(\.ready) == [5, 3])  // bpjs/claims, dukcapil/death-feed
            #expect(stats.map(\.inFlight) == [0, 2])

            let redelivered = try await store.claim(subscription: TestEvents.subscriberA, consumer: "peer-3", limit: 10,
                                                    ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            #expect(redelivered.map(\.id) == byOne.map(\.id))
            #expect(redelivered.allSatisfy { $0.attempt == 2 })
        }
    }

    @Test("answers apply to the holder, late answers apply, final states stay final", arguments: StoreBackend.all)
    func settleOutcomes(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            for index in 0..<2 { _ = try await store.appendNew(TestEvents.make(id: "s\(index)", subscriptions: [TestEvents.subscriberA])) }
            let claimed = try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 2,
                                                ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            let first = claimed[0].id
            let second = claimed[1].id

            #expect(try await store.acknowledge(DeliveryID(987_654), by: consumer, now: TestEvents.t0) == .unknownDelivery)
            #expect(try await store.acknowledge(first, by: "intruder", now: TestEvents.t0) == .heldByAnotherConsumer)
            #expect(try await store.acknowledge(first, by: consumer, now: TestEvents.t0) == .applied)
            #expect(try await store.acknowledge(first, by: consumer, now: TestEvents.t0) == .alreadyFinal(.acknowledged))
            let failure = DeliveryFailure(reason: "x")
            #expect(try await store.deadLetter(first, by: consumer, failure: failure, now: TestEvents.t0) == .alreadyFinal(.acknowledged))

            // The lease of the second one expires, then its consumer answers late: applied.
            #expect(try await store.expireLeases(now: lease) == 1)
            #expect(try await store.acknowledge(second, by: consumer, now: lease) == .applied)
            let stats = try #require(try await store.queueStats(subscriptions: [TestEvents.subscriberA], now: lease).first)
            #expect(stats.pending == 0)

            // The attempt histories: the acknowledged attempt, then the expired one that a late
            // answer cannot end again.
            let acknowledged = try #require(try await store.event(sequence: claimed[0].event.sequence)?.deliveries.first)
            #expect(acknowledged.state == .acknowledged && acknowledged.consumer == nil)
            #expect(acknowledged.attempts == [DeliveryAttempt(attempt: 1, consumer: consumer, startedAt: TestEvents.t0,
                                                              endedAt: TestEvents.t0, outcome: .acknowledged, failure: nil)])
            let late = try #require(try await store.event(sequence: claimed[1].event.sequence)?.deliveries.first)
            #expect(late.state == .acknowledged)
            #expect(late.attempts.map(\.outcome) == [.leaseExpired])
            #expect(late.attempts.map(\.endedAt) == [lease])
        }
    }

    @Test("several deliveries are acknowledged in one call, each with its own outcome", arguments: StoreBackend.all)
    func batchAcknowledge(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            for index in 0..<4 { _ = try await store.appendNew(TestEvents.make(id: "b\(index)", subscriptions: [TestEvents.subscriberA])) }
            let mine = try await store.claim(subscription: TestEvents.subscriberA, consumer: consumer, limit: 3,
                                             ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            let theirs = try await store.claim(subscription: TestEvents.subscriberA, consumer: "peer-2", limit: 1,
                                               ordering: .acceptance, leaseDeadline: lease, now: TestEvents.t0)
            let outcomes = try await store.acknowledge(mine.map(\.id) + theirs.map(\.id) + [mine[0].id, DeliveryID(424_242)],
                                                       by: consumer, now: TestEvents.t0)
            #expect(outcomes == [.applied, .applied, .applied, .heldByAnotherConsumer, .alreadyFinal(.acknowledged), .unknownDelivery])
            #expect(try await store.acknowledge([], by: consumer, now: TestEvents.t0).isEmpty)
            let stats = try #require(try await store.queueStats(subscriptions: [TestEvents.subscriberA], now: TestEvents.t0).first)
            #expect(stats.inFlight == 1 && stats.ready == 0)
        }
    }
}
