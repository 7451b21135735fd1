import Foundation
import GMP
import GerbangKit
import Synchronization
import Testing

/// The client's GMP/1 behaviour on the wire, against a scripted broker: batching, heartbeats,
/// silence, malformed messages, BYE with publishes outstanding, unknown reason codes.
@Suite("GerbangClient on the wire (scripted broker)", .serialized)
struct ClientProtocolTests {
    static func event(_ index: Int) -> [UInt8] { Array("{\"n\":\(index)}".utf8) }

    @Test("a batch goes out as one PUBLISH; concurrent publishes share PUBLISHes")
    func batching() async throws {
        let broker = try ScriptedBroker { message, hellos in
            switch message {
            case .hello: [.message(ScriptedBroker.welcome(session: UInt64(hellos)))]
            case .publish(let publish): ScriptedBroker.acceptAll(publish)
            default: []
            }
        }
        defer { broker.stop() }
        let client = try await GerbangClient.connect(broker.configuration(), logger: testLogger)
        let results = await client.publish(batch: (0..<200).map(Self.event))
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(broker.received.publishes.map(\.events.count) == [200])

        let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for index in 0..<300 { group.addTask { try await client.publish(signed: Self.event(index)) } }
            return try await group.reduce(into: [Receipt]()) { $0.append($1) }
        }
        #expect(receipts.count == 300)
        let concurrent = broker.received.publishes.dropFirst()
        #expect(concurrent.reduce(0) { $0 + $1.events.count } == 300)
        #expect(concurrent.count < 300, "concurrent publishes were never batched")
        #expect(concurrent.allSatisfy { $0.events.count <= 256 })
        await client.close()
        let deadline = ContinuousClock.now + .seconds(2)
        while broker.received.last != .bye(.init(reason: .sessionClosed)), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(broker.received.last == .bye(.init(reason: .sessionClosed)))
    }

    @Test("the ack() calls of one turn go out as one ACK listing their deliveries, each id once, within max_frame_bytes")
    func acknowledgementsShareAckMessages() async throws {
        let count = 300
        let event = try TestBroker.exampleEvent().serializedBytes()
        let broker = try ScriptedBroker { message, hellos in
            switch message {
            case .hello:
                // The smallest frame limit a broker allows: frame 1 holds at most 128 further ids.
                return [.message(ScriptedBroker.welcome(session: UInt64(hellos), maxFrameBytes: 1_024))]
            case .credit(let credit) where credit.credit > 0:
                return (1...count).map { id in
                    .message(.deliver(.init(deliveryID: UInt64(id), sequence: UInt64(id), attempt: 1, leaseMilliseconds: 30_000,
                                            subscription: "deaths", event: event)))
                }
            default:
                return []
            }
        }
        defer { broker.stop() }
        var configuration = broker.configuration()
        configuration.concurrency = UInt32(count)
        let client = try await GerbangClient.connect(configuration, logger: testLogger)
        let inbox = await DeliveryInbox.collecting(try client.subscribe())
        var deliveries: [Delivery] = []
        for _ in 0..<count { deliveries.append(try await inbox.next()) }
        for delivery in deliveries { try await delivery.ack() }

        let deadline = ContinuousClock.now + .seconds(5)
        var acks: [GMPMessage.Ack] = []
        while ContinuousClock.now < deadline {
            acks = broker.received.compactMap { if case .ack(let ack) = $0 { ack } else { nil } }
            if acks.reduce(0, { $0 + $1.deliveryIDs.count }) >= count { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let acknowledged = acks.flatMap(\.deliveryIDs)
        #expect(acknowledged.sorted() == (1...UInt64(count)).map { $0 })
        #expect(acks.count < count, "every ack() went out in an ACK of its own")
        #expect(acks.allSatisfy { $0.deliveryIDs.count <= 129 }, "\(acks.map(\.deliveryIDs.count))")
        #expect(try acks.allSatisfy { try GMPMessage.ack($0).encode().allSatisfy { $0.count <= 1_024 } })
        await client.close()
    }

    @Test("an idle client sends HEARTBEATs; a silent broker is left after liveness × interval and HELLO is sent again")
    func heartbeatsAndSilence() async throws {
        let broker = try ScriptedBroker { message, hellos in
            guard case .hello = message else { return [] }   // never a heartbeat from the broker
            return [.message(ScriptedBroker.welcome(session: UInt64(hellos), heartbeatMilliseconds: 100, liveness: 3))]
        }
        defer { broker.stop() }
        let client = try await GerbangClient.connect(broker.configuration(), logger: testLogger)
        let deadline = ContinuousClock.now + .seconds(5)
        while broker.received.hellos < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let received = broker.received
        #expect(received.hellos >= 2)
        #expect(received.contains(.heartbeat))
        await client.close()
    }

    @Test("a malformed broker message ends the session with ERROR; the client says HELLO again")
    func malformedMessage() async throws {
        let broker = try ScriptedBroker { message, hellos in
            guard case .hello = message else { return [] }
            var replies: [ScriptedBroker.Reply] = [.message(ScriptedBroker.welcome(session: UInt64(hellos)))]
            if hellos == 1 { replies.append(.raw([Array("GMP\u{01}\u{11}".utf8)])) }   // ACCEPTED without its fields
            return replies
        }
        defer { broker.stop() }
        let client = try await GerbangClient.connect(broker.configuration(), logger: testLogger)
        let deadline = ContinuousClock.now + .seconds(5)
        while broker.received.hellos < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(broker.received.hellos == 2)
        #expect(broker.received.contains { if case .error(let error) = $0 { error.reason == .protocolMalformedFrame } else { false } })
        let session = try await client.waitForSession(timeout: .seconds(2))
        #expect(session.sessionID == 2)
        await client.close()
    }

    @Test("BYE with a publish unanswered: the event is sent again in the next session, its receipt returned once")
    func resendAfterBye() async throws {
        let broker = try ScriptedBroker { message, hellos in
            switch message {
            case .hello: return [.message(ScriptedBroker.welcome(session: UInt64(hellos)))]
            case .publish where hellos == 1: return [.message(.bye(.init(reason: .sessionShuttingDown)))]
            case .publish(let publish): return ScriptedBroker.acceptAll(publish, duplicate: true)
            default: return []
            }
        }
        defer { broker.stop() }
        let client = try await GerbangClient.connect(broker.configuration(), logger: testLogger)
        let receipt = try await client.publish(signed: Self.event(7))
        #expect(receipt.duplicate)
        let publishes = broker.received.publishes
        #expect(publishes.count == 2)
        #expect(publishes.map { $0.events.map(\.event) } == [[Self.event(7)], [Self.event(7)]])
        #expect(broker.received.hellos == 2)
        await client.close()
    }

    @Test("an unknown reason code in REJECTED is kept as unrecognized, with the specific code and location")
    func unknownReasonCode() async throws {
        let broker = try ScriptedBroker { message, hellos in
            switch message {
            case .hello: return [.message(ScriptedBroker.welcome(session: UInt64(hellos)))]
            case .publish(let publish):
                return [.raw(try! GMPMessage.rejected(.init(tag: publish.events[0].tag, reason: .eventMalformed)).encode()
                    .enumerated().map { $0.offset == 1 ? Array("future.reason".utf8) : $0.element })]
            default: return []
            }
        }
        defer { broker.stop() }
        let client = try await GerbangClient.connect(broker.configuration(), logger: testLogger)
        do {
            _ = try await client.publish(signed: Self.event(1))
            Issue.record("accepted")
        } catch {
            #expect(error.reason == .rejected)
            #expect(error.brokerReason == .unrecognized)
            #expect(!error.isRetryable)
        }
        await client.close()
    }

    @Test("with no broker at all, publish times out and connect reports a timeout")
    func noBroker() async throws {
        let broker = try ScriptedBroker { _, _ in [] }   // never answers HELLO
        defer { broker.stop() }
        var configuration = broker.configuration()
        configuration.publishTimeout = .milliseconds(300)
        await #expect(throws: GerbangClientError.self) {
            _ = try await GerbangClient.connect(configuration, logger: testLogger, timeout: .milliseconds(300))
        }
        let client = try GerbangClient(configuration: configuration, logger: testLogger)
        do {
            _ = try await client.publish(signed: Self.event(1))
            Issue.record("published")
        } catch {
            #expect(error.reason == .publishTimeout)
            #expect(error.isRetryable)
        }
        await client.close()
    }
}

@Suite("GerbangClient limits (scripted broker)")
struct ClientLimitTests {
    @Test("beyond max-queued-publishes a publish fails at once with client.queue-full")
    func queueFull() async throws {
        let broker = try ScriptedBroker { message, hellos in   // never answers a PUBLISH
            if case .hello = message { return [.message(ScriptedBroker.welcome(session: UInt64(hellos)))] }
            return []
        }
        defer { broker.stop() }
        var configuration = broker.configuration()
        configuration.maxQueuedPublishes = 3
        configuration.publishTimeout = .seconds(2)
        let client = try await GerbangClient.connect(configuration, logger: testLogger)
        let results = await client.publish(batch: (0..<5).map { Array("{\"n\":\($0)}".utf8) })
        let reasons = results.map { result -> GerbangClientError.Reason? in
            if case .failure(let error) = result { error.reason } else { nil }
        }
        #expect(reasons == [.publishTimeout, .publishTimeout, .publishTimeout, .queueFull, .queueFull])
        #expect(GerbangClientError(.queueFull, "").isRetryable)
        await client.close()
    }
}
