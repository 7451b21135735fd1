import Envelope
import Foundation
import GMP
import Testing
import ZeroMQ

/// The rejection reason codes that `BrokerEndToEndTests.rejectionsCarryTheirReasonCodes` and
/// `sessionErrors` do not cover: the second agency-mismatch form, a missing signature, a
/// certificate from an unknown CA, an unknown type, too many frames, a batch above the limit,
/// field errors, a frame above `max-frame-bytes` and one above the transport limit, and the log of
/// a refused CURVE key. The table in `docs/broker.md` maps every code to its test.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct BrokerRejectionTests {
    @Test func signatureSchemaAndSourceRejections() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            // The events first (another broker starts meanwhile), then the session: a session
            // silent for liveness × interval (3 s) would end on a loaded machine.
            // Signed with dukcapil's certificate on dukcapil's connection, but `source` says kemensos.
            let foreignSource = try TestEvents.signed(broker: broker) {
                $0.replacingOccurrences(of: "urn:gerbang:agency:dukcapil:siak-kota-semarang",
                                        with: "urn:gerbang:agency:kemensos:siks")
            }
            // No signature attribute at all.
            let factory = try TestEventFactory(broker: broker)
            var unsigned = factory.template
            try unsigned.setAttribute("id", to: .string(UUID().uuidString))
            // Signed by dukcapil's key and certificate of another broker's development CA.
            let stranger = try BrokerProcess()
            let foreignCA = try TestEvents.signed(broker: stranger)
            _ = stranger.terminate()
            // A type dukcapil may publish (population.**) that has no schema.
            let unknownType = try TestEvents.signed(broker: broker) {
                $0.replacingOccurrences(of: "\"type\": \"population.death.registered\"", with: "\"type\": \"population.census.counted\"")
            }
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let answers = try publisher.publishCollectingRejections([
                .init(tag: 1, event: foreignSource),
                .init(tag: 2, event: unsigned.serializedBytes()),
                .init(tag: 3, event: foreignCA),
                .init(tag: 4, event: unknownType),
            ])
            #expect(answers[1]?.reason == .signatureAgencyMismatch)
            #expect(answers[1]?.specificCode == "trust.agency-mismatch")
            #expect(answers[2]?.reason == .signatureMissing)
            #expect(answers[3]?.reason == .signatureCertificateInvalid)
            #expect(answers[4]?.reason == .schemaUnknownType)
            #expect(answers[4]?.location.isEmpty == false)
            #expect(broker.terminate() == 0)
        }
    }

    @Test func tooManyFramesIsAnsweredWithItsReasonCode() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            // max_frames is 513: a PUBLISH with 1 + 2 × 300 frames, then one with 5,001 frames
            // (the broker reads and drops the excess and still answers).
            for pairs in [300, 2_500] {
                let client = try AdapterClient(broker: broker, agency: "dukcapil")
                try client.hello(agency: "dukcapil")
                let event = try TestEvents.signed(broker: broker)
                var frames: [[UInt8]] = [[0x47, 0x4D, 0x50, 0x01, 0x10]]
                for tag in 0..<pairs { frames += [withUnsafeBytes(of: UInt64(tag).bigEndian) { Array($0) }, event] }
                try client.sendRaw(frames)
                guard case .error(let error) = try client.receive() else { throw BrokerTestError("no ERROR for \(pairs) events") }
                #expect(error.reason == .protocolTooManyFrames)
                // ERROR ended the session: nothing was answered per event, CREDIT needs HELLO.
                Thread.sleep(forTimeInterval: 1.1)  // past limits.error-interval-ms
                try client.send(.credit(.init(credit: 1)))
                guard case .error(let after) = try client.receive() else { throw BrokerTestError("no ERROR after") }
                #expect(after.reason == .protocolHelloRequired)
            }
            #expect(broker.terminate() == 0)
        }
    }

    @Test func batchAboveTheLimitAndFieldErrorsAreRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess(extraConfiguration: "limits: {max-events-per-publish: 2}")
            let event = try TestEvents.signed(broker: broker)
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            let welcome = try publisher.hello(agency: "dukcapil")
            #expect(welcome.maxEventsPerPublish == 2)
            try publisher.send(.publish(.init(events: (1...3).map { .init(tag: UInt64($0), event: event) })))
            guard case .error(let batch) = try publisher.receive() else { throw BrokerTestError("no ERROR") }
            #expect(batch.reason == .protocolBatchTooLarge)

            let hello: [UInt8] = [0x47, 0x4D, 0x50, 0x01, 0x01]
            let cases: [([[UInt8]], ReasonCode)] = [
                ([hello, Array(String(repeating: "d", count: 65).utf8), Array("main".utf8), Array("1".utf8)], .protocolFieldTooLong),
                ([hello, [0x64, 0xFF], Array("main".utf8), Array("1".utf8)], .protocolInvalidUTF8),
                ([hello, Array("Dukcapil!".utf8), Array("main".utf8), Array("1".utf8)], .protocolInvalidField),
            ]
            for (frames, reason) in cases {
                let peer = try AdapterClient(broker: broker, agency: "dukcapil")
                try peer.sendRaw(frames)
                guard case .error(let error) = try peer.receive() else { throw BrokerTestError("no ERROR for \(reason)") }
                #expect(error.reason == reason)
            }
            #expect(broker.terminate() == 0)
        }
    }

    @Test func framesAboveTheLimitsAreRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let header: [UInt8] = [0x47, 0x4D, 0x50, 0x01, 0x10]
            let tag = [UInt8](repeating: 0, count: 8)

            // Above max-frame-bytes (1 MiB), below the transport limit (2 MiB): ERROR.
            let large = try AdapterClient(broker: broker, agency: "dukcapil")
            try large.hello(agency: "dukcapil")
            try large.sendRaw([header, tag, [UInt8](repeating: 0x20, count: 1_048_577)])
            guard case .error(let error) = try large.receive() else { throw BrokerTestError("no ERROR") }
            #expect(error.reason == .protocolFrameTooLarge)

            // Above the transport limit: libzmq drops the connection, nothing is answered.
            let huge = try AdapterClient(broker: broker, agency: "dukcapil")
            try huge.hello(agency: "dukcapil")
            try huge.socket.set(.receiveTimeoutMilliseconds, 1_500)
            try huge.sendRaw([header, tag, [UInt8](repeating: 0x20, count: 2_097_153)])
            #expect(throws: ZMQError.self) { _ = try huge.receive() }
            #expect(broker.log.contains("session.disconnected"), "the dropped connection ended its session")

            // The broker serves others as before.
            let other = try AdapterClient(broker: broker, agency: "dukcapil")
            try other.hello(agency: "dukcapil")
            let verdicts = try other.publishCollectingVerdicts([.init(tag: 1, event: try TestEvents.signed(broker: broker))])
            #expect(verdicts == [1: "accepted"])
            #expect(broker.terminate() == 0)
        }
    }

    @Test func unknownCurveKeyIsLoggedWithItsReasonCode() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let client = try AdapterClient.stranger(broker: broker)
            try client.send(.hello(.init(agency: "dukcapil", adapterName: "main", adapterVersion: "1")))
            #expect(throws: ZMQError.self) { _ = try client.receive() }
            #expect(broker.log.contains("auth.unknown-key"))
            #expect(broker.terminate() == 0)
        }
    }
}
