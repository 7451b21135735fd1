import Envelope
import Foundation
import GerbangKit
import Logging
import Testing

@Suite("GerbangClient reconnects and its outbox survives restarts", .serialized)
struct ClientRecoveryTests {
    @Test("after the broker is killed and restarted: publishes waiting meanwhile are confirmed, deliveries resume")
    func reconnectAfterBrokerRestart() async throws {
        let broker = try TestBroker()
        let publisher = try await GerbangClient.connect(try broker.configuration(agency: "dukcapil"), logger: testLogger)
        let consumer = try await GerbangClient.connect(try broker.configuration(agency: "kemensos"), logger: testLogger)
        let inbox = await DeliveryInbox.collecting(try consumer.subscribe())

        let before = try TestBroker.exampleEvent()
        _ = try await publisher.publish(before)
        try await inbox.next().ack()

        broker.kill9()
        let during = try TestBroker.exampleEvent()
        let pending = Task { try await publisher.publish(during) }
        try await Task.sleep(for: .milliseconds(700))
        try broker.start()

        let receipt = try await pending.value
        #expect(!receipt.duplicate)
        // The first event may come again (at least once: its ACK may have been lost in the kill).
        var delivery = try await inbox.next(timeout: .seconds(20))
        while delivery.event.id == before.id {
            try await delivery.ack()
            delivery = try await inbox.next(timeout: .seconds(20))
        }
        #expect(delivery.event.id == during.id)
        try await delivery.ack()
        let session = try await consumer.waitForSession(timeout: .seconds(5))
        #expect(session.subscriptions == ["kemensos-population"])
        await inbox.stop()
        await consumer.close()
        await publisher.close()
    }

    @Test("a client closed before the broker confirmed leaves the event in its outbox; the next client sends it")
    func outboxResendsOnNextStart() async throws {
        let broker = try TestBroker()
        let outboxPath = broker.directory.appendingPathComponent("outbox/dukcapil.sqlite").path
        var configuration = try broker.configuration(agency: "dukcapil")
        configuration.outboxPath = outboxPath
        configuration.publishTimeout = .milliseconds(400)
        configuration.closeTimeout = .milliseconds(100)

        broker.kill9()  // nobody answers
        let event = try TestBroker.exampleEvent()
        let first = try GerbangClient(configuration: configuration, logger: testLogger)
        do {
            _ = try await first.publish(event)
            Issue.record("published without a broker")
        } catch {
            #expect(error.reason == .publishTimeout)
        }
        await first.close()
        let left = try PublisherOutbox(path: outboxPath).outstanding()
        #expect(left.count == 1)
        #expect(try CloudEvent(parsing: left[0].event).id == event.id)

        try broker.start()
        let consumer = try await GerbangClient.connect(try broker.configuration(agency: "kemensos"), logger: testLogger)
        let inbox = await DeliveryInbox.collecting(try consumer.subscribe())
        let second = try await GerbangClient.connect(configuration, logger: testLogger)
        let delivery = try await inbox.next(timeout: .seconds(15))
        #expect(delivery.event.id == event.id)
        try await delivery.ack()
        let deadline = ContinuousClock.now + .seconds(10)
        while try PublisherOutbox(path: outboxPath).outstanding().count > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try PublisherOutbox(path: outboxPath).outstanding().isEmpty)
        // Publishing the same event again now is a duplicate: it was stored exactly once.
        #expect(try await second.publish(event).duplicate)
        await inbox.stop()
        await consumer.close()
        await second.close()
    }

    @Test("an idle session stays open: heartbeats both ways keep it alive past liveness × interval")
    func idleSessionSurvives() async throws {
        let broker = try TestBroker()
        let client = try await GerbangClient.connect(try broker.configuration(agency: "dukcapil"), logger: testLogger)
        let before = try await client.waitForSession(timeout: .seconds(1))
        #expect(before.heartbeatInterval == .milliseconds(500))
        try await Task.sleep(for: .seconds(3))  // twice the broker's 3 × 500 ms liveness
        let after = try await client.waitForSession(timeout: .seconds(1))
        #expect(after.sessionID == before.sessionID)
        _ = try await client.publish(try TestBroker.exampleEvent())
        #expect(try await client.waitForSession(timeout: .seconds(1)).sessionID == before.sessionID)
        await client.close()
    }

    @Test("a confirmed publish leaves nothing in the outbox")
    func outboxEmptiesOnConfirm() async throws {
        let broker = try TestBroker()
        let outboxPath = broker.directory.appendingPathComponent("outbox.sqlite").path
        var configuration = try broker.configuration(agency: "dukcapil")
        configuration.outboxPath = outboxPath
        let client = try await GerbangClient.connect(configuration, logger: testLogger)
        let signed = try (0..<20).map { _ in try client.sign(try TestBroker.exampleEvent()) }
        let results = await client.publish(batch: signed)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        await client.close()
        #expect(try PublisherOutbox(path: outboxPath).outstanding().isEmpty)
    }
}
