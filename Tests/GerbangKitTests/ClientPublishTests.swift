import Envelope
import Foundation
import GMP
import GerbangKit
import Testing

@Suite("GerbangClient publishing against a real gerbangd", .serialized)
struct ClientPublishTests {
    @Test("publish signs, sends and returns the receipt; the same id again is a duplicate")
    func publishAndDuplicate() async throws {
        let broker = try TestBroker()
        let client = try await GerbangClient.connect(try broker.configuration(agency: "dukcapil"), logger: testLogger)
        let event = try TestBroker.exampleEvent()
        let first = try await client.publish(event)
        #expect(first.sequence > 0)
        #expect(!first.duplicate)
        let again = try await client.publish(event)
        #expect(again.duplicate)
        #expect(again.sequence == first.sequence)
        await client.close()
    }

    @Test("REJECTED becomes a typed error with the broker's reason, specific code and location")
    func rejectedIsTyped() async throws {
        let broker = try TestBroker()
        let client = try await GerbangClient.connect(try broker.configuration(agency: "dukcapil"), logger: testLogger)
        let bad = try TestBroker.exampleEvent { $0.replacingOccurrences(of: "\"3374014507580002\"", with: "\"12345\"") }
        do {
            _ = try await client.publish(bad)
            Issue.record("a schema violation was accepted")
        } catch {
            #expect(error.reason == .rejected)
            #expect(error.brokerReason == .schemaViolation)
            #expect(error.specificCode.hasPrefix("schema.keyword."))
            #expect(error.location == "/data/deceased/nik")
            #expect(!error.isRetryable)
        }
        // Not permitted: kemensos may not publish population events.
        let kemensos = try await GerbangClient.connect(try broker.configuration(agency: "kemensos"), logger: testLogger)
        let foreign = try TestBroker.exampleEvent()
        do {
            _ = try await kemensos.publish(foreign)
            Issue.record("kemensos published a dukcapil event")
        } catch {
            #expect(error.brokerReason == .signatureAgencyMismatch)
        }
        await kemensos.close()
        await client.close()
    }

    @Test("concurrent publishes are all confirmed, each with its own sequence")
    func concurrentPublishes() async throws {
        let broker = try TestBroker()
        let client = try await GerbangClient.connect(try broker.configuration(agency: "dukcapil"), logger: testLogger)
        let signed = try (0..<300).map { _ in try client.sign(try TestBroker.exampleEvent()) }
        let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for bytes in signed { group.addTask { try await client.publish(signed: bytes) } }
            var all: [Receipt] = []
            for try await receipt in group { all.append(receipt) }
            return all
        }
        #expect(receipts.count == 300)
        #expect(Set(receipts.map(\.sequence)).count == 300)
        #expect(receipts.allSatisfy { !$0.duplicate })
        let batch = await client.publish(batch: Array(signed.prefix(10)))
        #expect(batch.count == 10)
        #expect(batch.allSatisfy { (try? $0.get())?.duplicate == true })
        await client.close()
    }

    @Test("a publish after close fails with client.closed")
    func publishAfterClose() async throws {
        let broker = try TestBroker()
        let client = try await GerbangClient.connect(try broker.configuration(agency: "dukcapil"), logger: testLogger)
        let bytes = try client.sign(try TestBroker.exampleEvent())
        await client.close()
        await #expect(throws: GerbangClientError(.closed, "the client is closed")) {
            _ = try await client.publish(signed: bytes)
        }
    }

    @Test("HELLO for another agency than the CURVE key is refused with auth.agency-mismatch")
    func refusedSession() async throws {
        let broker = try TestBroker()
        var configuration = try broker.configuration(agency: "dukcapil")
        configuration.agency = "kemensos"
        do {
            _ = try await GerbangClient.connect(configuration, logger: testLogger, timeout: .seconds(5))
            Issue.record("the session was opened")
        } catch {
            #expect(error.reason == .sessionRefused)
            #expect(error.brokerReason == .authAgencyMismatch)
        }
    }
}
