import Foundation
import Store
import Testing

@Suite("Store behaviour: retries and dead letters")
struct RetryAndDeadLetterBehaviourTests {
    let consumer: ConsumerID = "peer-1"
    let sub = TestEvents.subscriberA

    private func claimOne(_ store: any EventStore, at now: Date) async throws -> ClaimedDelivery? {
        try await store.claim(subscription: sub, consumer: consumer, limit: 1, ordering: .acceptance,
                              leaseDeadline: now.addingTimeInterval(30), now: now).first
    }

    @Test("shiftSchedule moves retry times and lease deadlines by the offset (a wall-clock jump)", arguments: StoreBackend.all)
    func shiftScheduleMovesRetriesAndLeases(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.appendNew(TestEvents.make(id: "waits", subscriptions: [sub]))
            _ = try await store.appendNew(TestEvents.make(id: "leased", subscriptions: [sub]))
            let waiting = try #require(try await claimOne(store, at: TestEvents.t0))
            let leased = try #require(try await claimOne(store, at: TestEvents.t0))  // lease until t0 + 30 s
            #expect(try await store.scheduleRetry(waiting.id, by: consumer, retryAt: TestEvents.t0.addingTimeInterval(3),
                                                  failure: DeliveryFailure(reason: "consumer.busy"), now: TestEvents.t0) == .applied)
            #expect(try await store.nextScheduledTransition() == TestEvents.t0.addingTimeInterval(3))

            // The clock jumped an hour forward: both move with it, nothing becomes due at once.
            #expect(try await store.shiftSchedule(by: .seconds(3_600)) == 2)
            #expect(try await store.nextScheduledTransition() == TestEvents.t0.addingTimeInterval(3_603))
            #expect(try await store.promoteDueRetries(now: TestEvents.t0.addingTimeInterval(3_602)) == 0)
            #expect(try await store.expireLeases(now: TestEvents.t0.addingTimeInterval(3_629)) == 0)
            #expect(try await store.promoteDueRetries(now: TestEvents.t0.addingTimeInterval(3_603)) == 1)
            #expect(try await store.expireLeases(now: TestEvents.t0.addingTimeInterval(3_630)) == 1)
            _ = leased

            // Backward: a waiting retry comes closer by the jump.
            let again = try #require(try await claimOne(store, at: TestEvents.t0.addingTimeInterval(3_630)))
            #expect(try await store.scheduleRetry(again.id, by: consumer, retryAt: TestEvents.t0.addingTimeInterval(3_636),
                                                  failure: DeliveryFailure(reason: "consumer.busy"),
                                                  now: TestEvents.t0.addingTimeInterval(3_630)) == .applied)
            #expect(try await store.shiftSchedule(by: .seconds(-3_600)) >= 1)
            #expect(try await store.promoteDueRetries(now: TestEvents.t0.addingTimeInterval(36)) == 1)
        }
    }

    @Test("a retryable NACK waits until its retry time, then is redelivered", arguments: StoreBackend.all)
    func retryWaitsUntilItsTime(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            let sequence = try await store.appendNew(TestEvents.make(id: "retry", subscriptions: [sub]))
            let first = try #require(try await claimOne(store, at: TestEvents.t0))
            let retryAt = TestEvents.t0.addingTimeInterval(2)
            let failure = DeliveryFailure(reason: "consumer.unavailable", detail: "timeout")
            #expect(try await store.scheduleRetry(first.id, by: consumer, retryAt: retryAt, failure: failure,
                                                  now: TestEvents.t0) == .applied)

            #expect(try await claimOne(store, at: TestEvents.t0.addingTimeInterval(1)) == nil)
            #expect(try await store.nextScheduledTransition() == retryAt)
            let waiting = try #require(try await store.queueStats(subscriptions: [sub], now: TestEvents.t0).first)
            #expect(waiting.waiting == 1 && waiting.ready == 0)
            #expect(try await store.promoteDueRetries(now: retryAt.addingTimeInterval(-0.01)) == 0)
            #expect(try await store.promoteDueRetries(now: retryAt) == 1)

            let second = try #require(try await claimOne(store, at: retryAt))
            #expect(second.id == first.id)
            #expect(second.attempt == 2)
            let record = try #require(try await store.event(sequence: sequence))
            let delivery = try #require(record.deliveries.first)
            #expect(delivery.lastFailure == failure)
            #expect(delivery.attempts.map(\.outcome) == [.retry, nil])
            #expect(delivery.attempts.first?.failure == failure)
            #expect(delivery.attempts.first?.endedAt == TestEvents.t0)
        }
    }

    @Test("dead letters keep their history; filters, replay and purge", arguments: StoreBackend.all)
    func deadLetters(backend: StoreBackend) async throws {
        try await backend.withStore { store, _ in
            _ = try await store.appendNew(TestEvents.make(id: "d1", subscriptions: [sub]))
            _ = try await store.appendNew(TestEvents.make(id: "d2", type: "population.birth.registered", subscriptions: [sub]))
            _ = try await store.appendNew(TestEvents.make(id: "d3", subscriptions: [sub, TestEvents.subscriberB]))

            // d1: retried once, then dead after the maximum attempts.
            let d1 = try #require(try await claimOne(store, at: TestEvents.t0))
            let transient = DeliveryFailure(reason: "consumer.unavailable", detail: "first")
            _ = try await store.scheduleRetry(d1.id, by: consumer, retryAt: TestEvents.t0, failure: transient, now: TestEvents.t0)
            _ = try await store.promoteDueRetries(now: TestEvents.t0)
            let d1Again = try #require(try await claimOne(store, at: TestEvents.t0))
            #expect(d1Again.id == d1.id && d1Again.attempt == 2)
            let exhausted = DeliveryFailure(reason: "delivery.max-attempts", detail: "2 attempts")
            let deathOfD1 = TestEvents.t0.addingTimeInterval(10)
            #expect(try await store.deadLetter(d1.id, by: consumer, failure: exhausted, now: deathOfD1) == .applied)

            // d2, d3: permanent NACKs, later.
            let permanent = DeliveryFailure(reason: "consumer.rejected", detail: "unknown NIK")
            let deathOfOthers = TestEvents.t0.addingTimeInterval(100)
            for _ in 0..<2 {
                let claimed = try #require(try await claimOne(store, at: deathOfOthers))
                #expect(try await store.deadLetter(claimed.id, by: consumer, failure: permanent, now: deathOfOthers) == .applied)
            }

            let all = try await store.deadLetters(matching: DeadLetterFilter())
            #expect(all.map(\.event.id) == ["d1", "d2", "d3"])
            let first = try #require(all.first)
            #expect(first.delivery.state == .dead)
            #expect(first.delivery.lastFailure == exhausted)
            #expect(first.delivery.deadAt == deathOfD1)
            #expect(first.delivery.attempt == 2)
            #expect(first.delivery.attempts.map(\.outcome) == [.retry, .dead])
            #expect(first.delivery.attempts.map(\.failure) == [transient, exhausted])
            #expect(first.event.body == Array("{\"id\":\"d1\"}".utf8))

            #expect(try await store.deadLetters(matching: DeadLetterFilter(subscription: TestEvents.subscriberB)).isEmpty)
            #expect(try await store.deadLetters(matching: DeadLetterFilter(typePattern: "population.birth.*")).map(\.event.id) == ["d2"])
            #expect(try await store.deadLetters(matching: DeadLetterFilter(reason: "consumer.rejected")).map(\.event.id) == ["d2", "d3"])
            #expect(try await store.deadLetters(matching: DeadLetterFilter(deadBefore: deathOfD1)).map(\.event.id) == ["d1"])
            #expect(try await store.deadLetters(matching: DeadLetterFilter(deadSince: deathOfOthers)).map(\.event.id) == ["d2", "d3"])
            #expect(try await store.deadLetters(matching: DeadLetterFilter(limit: 1)).map(\.event.id) == ["d1"])
            #expect(try await store.deadLetters(matching: DeadLetterFilter(deliveries: [])).isEmpty)
            let invalid = await #expect(throws: StoreError.self) {
                try await store.deadLetters(matching: DeadLetterFilter(limit: -1))
            }
            #expect(invalid?.reason == .invalidArgument)
            let stats = try #require(try await store.queueStats(subscriptions: [sub], now: deathOfOthers).first)
            #expect(stats.dead == 3 && stats.pending == 0)

            // Replay d1: ready again, attempts reset, history kept.
            #expect(try await store.replayDeadLetters(matching: DeadLetterFilter(deliveries: [d1.id]), now: deathOfOthers) == 1)
            let replayed = try #require(try await claimOne(store, at: deathOfOthers))
            #expect(replayed.id == d1.id)
            #expect(replayed.attempt == 1)
            let record = try #require(try await store.event(sequence: replayed.event.sequence))
            #expect(record.deliveries.first?.attempts.map(\.attempt) == [1, 2, 1])

            // Purge d2 (by type), then everything left.
            #expect(try await store.purgeDeadLetters(matching: DeadLetterFilter(typePattern: "population.birth.*")) == 1)
            #expect(try await store.deadLetters(matching: DeadLetterFilter()).map(\.event.id) == ["d3"])
            #expect(try await store.purgeDeadLetters(matching: DeadLetterFilter()) == 1)
            #expect(try await store.deadLetters(matching: DeadLetterFilter()).isEmpty)
            // The event of a purged dead letter is still there, its other delivery untouched.
            let d3 = try #require(try await store.event(source: "urn:gerbang:agency:dukcapil", id: "d3"))
            #expect(d3.deliveries.map(\.subscription) == [TestEvents.subscriberB])
        }
    }
}
