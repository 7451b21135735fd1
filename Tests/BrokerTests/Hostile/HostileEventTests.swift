import Envelope
import Foundation
import GMP
import Testing
import ZeroMQ

/// Hostile events against a real `gerbangd` over CURVE (`docs/security.md`, rows "events"):
/// invalid UTF-8, deep nesting, huge numbers, duplicate keys, stripped, swapped and foreign
/// signatures, replayed ids, skewed clocks and a publisher flooding beyond its agency's rate. Each
/// event is answered on its own (REJECTED with its reason and specific code, or ACCEPTED with the
/// duplicate flag), the session stays, and the broker still accepts and delivers a valid event.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct HostileEventTests {
    @Test func malformedJSONIsRejectedWithTheParsersCode() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let signed = try TestEvents.signed(broker: broker)
            let subject = "3374-KM-19112026-0153"
            let cases: [(String, [UInt8], String)] = [
                ("invalid UTF-8 (0xFF) in a string", try HostileEvents.replacing(subject, with: [0x33, 0xFF], in: signed), "json.invalid-utf8"),
                ("an overlong encoding in a string", try HostileEvents.replacing(subject, with: [0xC0, 0xAF], in: signed), "json.invalid-utf8"),
                ("an encoded surrogate in a string", try HostileEvents.replacing(subject, with: [0xED, 0xB0, 0x80], in: signed),
                 "json.invalid-utf8"),
                ("an escaped lone surrogate", try HostileEvents.replacing(subject, with: Array("\\ud800".utf8), in: signed),
                 "json.lone-surrogate"),
                ("65 nested arrays in data", Self.nested(depth: 65), "json.too-deep"),
                ("100,000 nested arrays", Self.nested(depth: 100_000), "json.too-deep"),
                ("a number of 300 digits", Array("{\"specversion\":\"1.0\",\"n\":\(String(repeating: "9", count: 300))}".utf8),
                 "json.number-too-long"),
                ("an exponent of 300 digits", Array("{\"n\":1e\(String(repeating: "9", count: 300))}".utf8), "json.number-too-long"),
                ("a duplicate top-level key", try HostileEvents.replacing("\"subject\"", with: Array("\"id\":\"x\",\"subject\"".utf8), in: signed),
                 "json.duplicate-key"),
                ("a duplicate key in data", Array("{\"specversion\":\"1.0\",\"data\":{\"nik\":\"1\",\"nik\":\"2\"}}".utf8), "json.duplicate-key"),
                ("a duplicate key spelled with an escape", Array("{\"id\":\"a\",\"\\u0069d\":\"b\"}".utf8), "json.duplicate-key"),
                ("trailing bytes after the object", signed + Array("{}".utf8), "json.trailing-data"),
                ("a truncated event", Array(signed.prefix(signed.count / 2)), "json.unexpected-end"),
            ]
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            for (index, (name, event, specific)) in cases.enumerated() {
                let rejected = try publisher.expectRejected(event, tag: UInt64(index))
                #expect(rejected.reason == .eventMalformed, "\(name)")
                #expect(rejected.specificCode == specific, "\(name): \(rejected.specificCode)")
                #expect(rejected.location.hasPrefix("byte "), "\(name): \(rejected.location)")
            }
            // The session stays: its next valid event is accepted.
            _ = try publisher.expectAccepted(try TestEvents.signed(broker: broker), tag: 100)
            try broker.expectStillServes()
            #expect(try broker.metrics().contains("gerbang_rejected_total{reason=\"event.malformed\"} \(cases.count)\n"))
            #expect(broker.terminate() == 0)
        }
    }

    @Test func hugeNumbersInASignedEventAreRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            // As an extension attribute, a number beyond 32 bits is no CloudEvents type.
            let signed = try TestEvents.signed(broker: broker)
            for (tag, number) in [(UInt64(1), "1e400"), (2, "4294967296"), (3, String(repeating: "9", count: 200))] {
                let event = try HostileEvents.replacing("\"subject\"", with: Array("\"amount\":\(number),\"subject\"".utf8), in: signed)
                let rejected = try publisher.expectRejected(event, tag: tag)
                #expect(rejected.reason == .eventMalformed, "\(number): \(rejected)")
                #expect(rejected.specificCode == "envelope.wrong-type", "\(number)")
                #expect(rejected.location == "/amount")
            }
            // 1e400 inside data is valid JSON but no double: the event has no canonical form
            // (RFC 8785) for the signature to cover, which the trust layer reports as malformed.
            let infinite = try HostileEvents.replacing("\"registeredOn\"", with: Array("\"amount\":1e400,\"registeredOn\"".utf8), in: signed)
            let unverifiable = try publisher.expectRejected(infinite, tag: 4)
            #expect(unverifiable.reason == .eventMalformed, "\(unverifiable)")
            #expect(unverifiable.specificCode == "trust.malformed-event")
            #expect(unverifiable.message.contains("jcs.number-out-of-range at /data/amount"))
            // A 200-digit integer (within the parser's limit) in data, signed: the schema refuses
            // the unknown member, nothing overflows.
            let big = String(repeating: "9", count: 200)
            let bigSigned = try TestEvents.signed(broker: broker) {
                $0.replacingOccurrences(of: "\"registeredOn\": \"2026-11-19\"", with: "\"registeredOn\": \"2026-11-19\", \"serial\": \(big)")
            }
            let schema = try publisher.expectRejected(bigSigned, tag: 5)
            #expect(schema.reason == .schemaViolation, "\(schema)")
            _ = try publisher.expectAccepted(try TestEvents.signed(broker: broker), tag: 6)
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func strippedSwappedAndForeignSignaturesAreRejected() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let first = try CloudEvent(parsing: try TestEvents.signed(broker: broker))
            var stripped = first
            try stripped.setAttribute(CloudEvent.signatureAttribute, to: nil)
            // The signature of another event (same agency, other id) on this one.
            let other = try CloudEvent(parsing: try TestEvents.signed(broker: broker))
            var swapped = first
            try swapped.setAttribute(CloudEvent.signatureAttribute, to: other.attribute(CloudEvent.signatureAttribute))
            // A signature cut in half.
            var truncated = first
            let jws = try #require(first.signature)
            try truncated.setAttribute(CloudEvent.signatureAttribute, to: .string(String(jws.prefix(jws.count / 2))))
            // Certificates of another agency: kemensos signs an event whose source is dukcapil;
            // kemensos signs its own event but it arrives on dukcapil's CURVE connection.
            let kemensosSignsForDukcapil = try TestEvents.signed(agency: "kemensos", broker: broker)
            let kemensosOwn = try TestEvents.signed(type: "socialaid.beneficiary.enrolled", agency: "kemensos", broker: broker)

            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let cases: [(String, [UInt8], ReasonCode, String?)] = [
                ("stripped", stripped.serializedBytes(), .signatureMissing, nil),
                ("swapped", swapped.serializedBytes(), .signatureInvalid, nil),
                ("truncated", truncated.serializedBytes(), .signatureInvalid, nil),
                ("kemensos certificate, dukcapil source", kemensosSignsForDukcapil, .signatureAgencyMismatch, "trust.agency-mismatch"),
                ("kemensos event on dukcapil's connection", kemensosOwn, .signatureAgencyMismatch, nil),
            ]
            for (index, (name, event, reason, specific)) in cases.enumerated() {
                let rejected = try publisher.expectRejected(event, tag: UInt64(index))
                #expect(rejected.reason == reason, "\(name): \(rejected)")
                if let specific { #expect(rejected.specificCode == specific, "\(name)") }
            }
            // The session stays; the untouched original is accepted.
            _ = try publisher.expectAccepted(first.serializedBytes(), tag: 100)
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func replayedEventIDIsAcceptedAsDuplicateAndDeliveredOnce() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let id = UUID().uuidString
            let original = try TestEvents.signed(broker: broker, id: id)
            // The same (source, id) with other content, signed properly: still a replay.
            let sameIDOtherContent = try TestEvents.signed(broker: broker, id: id) {
                $0.replacingOccurrences(of: "3374-KM-19112026-0153", with: "3374-KM-19112026-0999")
            }
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let accepted = try publisher.expectAccepted(original, tag: 1)
            #expect(!accepted.duplicate)
            for (tag, replay) in [(UInt64(2), original), (3, original), (4, sameIDOtherContent)] {
                let again = try publisher.expectAccepted(replay, tag: tag)
                #expect(again.duplicate, "tag \(tag)")
                #expect(again.sequence == accepted.sequence, "tag \(tag)")
            }
            // The replays after a new session too.
            let later = try AdapterClient(broker: broker, agency: "dukcapil")
            try later.hello(agency: "dukcapil")
            #expect(try later.expectAccepted(original, tag: 5).duplicate)

            // Delivered exactly once, the original bytes.
            let consumer = try AdapterClient(broker: broker, agency: "kemensos")
            try consumer.hello(agency: "kemensos")
            try consumer.send(.credit(.init(credit: 10)))
            guard case .deliver(let deliver) = try consumer.receive() else { throw BrokerTestError("no DELIVER") }
            #expect(deliver.sequence == accepted.sequence)
            #expect(deliver.event == original)
            try consumer.send(.ack(.init(deliveryID: deliver.deliveryID)))
            try consumer.socket.set(.receiveTimeoutMilliseconds, 700)
            #expect(throws: ZMQError.self, "no second delivery") { _ = try consumer.receive() }
            #expect(try broker.metrics().contains("gerbang_accepted_total{duplicate=\"true\"} 4\n"))
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func eventsOutsideTheConfiguredClockSkewAreRejected() async throws {
        try await IOThread.run {
            // 60 s into the future, one hour into the past.
            let broker = try BrokerProcess(extraConfiguration: "limits: {max-clock-skew-seconds: 60, max-event-age-seconds: 3600}")
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let cases: [(TimeInterval, Bool)] = [
                (120, false), (30, true), (-7_200, false), (-1_800, true),
                (86_400 * 365 * 70, false), (-86_400 * 365 * 50, false),
            ]
            for (index, (offset, allowed)) in cases.enumerated() {
                let event = try TestEvents.signed(broker: broker, edit: HostileEvents.timestamped(offset: offset))
                if allowed {
                    _ = try publisher.expectAccepted(event, tag: UInt64(index))
                } else {
                    let rejected = try publisher.expectRejected(event, tag: UInt64(index))
                    #expect(rejected.reason == .eventClockSkew, "offset \(offset)")
                    #expect(rejected.location == "/time")
                    #expect(rejected.message.contains(offset > 0 ? "60 s ahead" : "3600 s in the past"), "\(rejected.message)")
                }
            }
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func publisherAboveItsAgencyRateIsRejectedWhileOthersAreServed() async throws {
        try await IOThread.run {
            // dukcapil: 1 event/s, bursts of 3; every other agency: no limit (the default).
            let broker = try BrokerProcess(extraConfiguration: "limits: {agency-rates: {dukcapil: {rate: 1, burst: 3}}}")
            let factory = try TestEventFactory(broker: broker)
            let flood = try (0..<10).map { GMPMessage.Publish.Event(tag: UInt64($0), event: try factory.signed(id: UUID().uuidString)) }
            let kemensosEvents = try (0..<10).map { tag in
                GMPMessage.Publish.Event(tag: UInt64(tag),
                                         event: try TestEvents.signed(type: "socialaid.beneficiary.enrolled", agency: "kemensos", broker: broker))
            }
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            // A second dukcapil session shares the agency's bucket.
            let second = try AdapterClient(broker: broker, agency: "dukcapil")
            try second.hello(agency: "dukcapil")
            let kemensos = try AdapterClient(broker: broker, agency: "kemensos")
            try kemensos.hello(agency: "kemensos", adapter: "siks")

            // 11 dukcapil events within milliseconds: 3 (the burst) are accepted, 8 refused.
            try publisher.send(.publish(.init(events: flood)))
            try second.send(.publish(.init(events: [.init(tag: 50, event: try factory.signed(id: UUID().uuidString))])))
            var verdicts: [String] = []
            for client in [publisher, second] {
                for _ in 0..<(client === publisher ? flood.count : 1) {
                    switch try client.receive() {
                    case .accepted: verdicts.append("accepted")
                    case .rejected(let rejected): verdicts.append(rejected.reason.rawValue)
                    case let other: throw BrokerTestError("unexpected \(other)")
                    }
                }
            }
            #expect(verdicts.filter { $0 == "accepted" }.count == 3, "\(verdicts)")
            #expect(verdicts.filter { $0 == ReasonCode.flowRateLimited.rawValue }.count == 8, "\(verdicts)")
            #expect(ReasonCode.flowRateLimited.retryAdvice == .retry)
            // Another agency is not limited by dukcapil's flood.
            let others = try kemensos.publishCollectingVerdicts(kemensosEvents)
            #expect(others.values.allSatisfy { $0 == "accepted" }, "\(others)")
            let metrics = try broker.metrics()
            #expect(metrics.contains("gerbang_rejected_total{reason=\"flow.rate-limited\"} 8\n"))
            #expect(metrics.contains("gerbang_rate_limited_total{agency=\"dukcapil\"} 8\n"))
            #expect(!metrics.contains("gerbang_rate_limited_total{agency=\"kemensos\"}"))

            // After a while the bucket has refilled: dukcapil is served again.
            Thread.sleep(forTimeInterval: 1.2)
            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }
}

extension HostileEventTests {
    /// A CloudEvent-shaped object whose `data` nests `depth` arrays.
    static func nested(depth: Int) -> [UInt8] {
        Array("{\"specversion\":\"1.0\",\"data\":".utf8) + [UInt8](repeating: 0x5B, count: depth)
            + [UInt8](repeating: 0x5D, count: depth) + Array("}".utf8)
    }
}
