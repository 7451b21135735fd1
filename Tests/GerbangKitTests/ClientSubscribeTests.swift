import Envelope
import Foundation
import GMP
import GerbangKit
import Testing

@Suite("GerbangClient deliveries against a real gerbangd", .serialized)
struct ClientSubscribeTests {
    @Test("subscribe yields deliveries; ack, retry(after:) and reject are honoured")
    func ackRetryReject() async throws {
        let broker = try TestBroker()
        let publisher = try await GerbangClient.connect(try broker.configuration(agency: "dukcapil"), logger: testLogger)
        var consumerConfiguration = try broker.configuration(agency: "kemensos")
        consumerConfiguration.concurrency = 4
        let consumer = try await GerbangClient.connect(consumerConfiguration, logger: testLogger)
        let inbox = await DeliveryInbox.collecting(try consumer.subscribe())

        var ids: [String] = []
        for _ in 0..<3 {
            let event = try TestBroker.exampleEvent()
            ids.append(event.id)
            _ = try await publisher.publish(event)
        }
        var seen: [String: Delivery] = [:]
        for _ in 0..<3 {
            let delivery = try await inbox.next()
            #expect(delivery.attempt == 1)
            #expect(delivery.subscription == "kemensos-population")
            seen[delivery.event.id] = delivery
        }
        #expect(Set(seen.keys) == Set(ids))
        let death = try seen[ids[0]]!.decode(DeathRegistered.self)
        #expect(death.deceased.nik == "3374014507580002")

        try await seen[ids[0]]!.ack()
        try await seen[ids[1]]!.retry(after: .milliseconds(100), reason: "register.busy", message: "locked")
        try await seen[ids[2]]!.reject(reason: "register.unknown-person")

        let again = try await inbox.next()
        #expect(again.event.id == ids[1])
        #expect(again.attempt == 2)
        #expect(again.id == seen[ids[1]]!.id)
        try await again.ack()
        #expect(try await inbox.pending(after: .milliseconds(600)) == 0)

        await #expect(throws: GerbangClientError.self) {
            try await again.retry(reason: "Not An Identifier")
        }
        await inbox.stop()
        await consumer.close()
        await publisher.close()
    }

    @Test("a second subscribe while a stream is open is refused")
    func oneStreamAtATime() async throws {
        let broker = try TestBroker()
        let consumer = try await GerbangClient.connect(try broker.configuration(agency: "kemensos"), logger: testLogger)
        let stream = try consumer.subscribe()
        #expect(throws: GerbangClientError.self) { _ = try consumer.subscribe() }
        _ = stream
        await consumer.close()
    }
}
