import Foundation
import GMP
import Testing
import ZeroMQ

/// Hostile GMP framing against a real `gerbangd` over CURVE (`docs/security.md`, rows "frames"):
/// oversize events and frames, too many frames, truncated frames, unknown commands, wrong
/// versions and invalid UTF-8 in text fields. Each is answered with its reason code; afterwards
/// the broker still accepts and delivers a valid event.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct HostileFramesTests {
    /// Small limits, so that the oversize inputs stay small: frames up to 64 KiB (the transport
    /// limit twice that), events up to 32 KiB.
    static let smallLimits = "limits: {max-frame-bytes: 65536, max-event-bytes: 32768}"

    @Test func oversizeEventsAndFramesAreRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess(extraConfiguration: Self.smallLimits)
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")

            // An event above max-event-bytes (in a frame below max-frame-bytes): REJECTED, the
            // session stays and its next valid event is accepted.
            let oversizeEvent = try publisher.expectRejected([UInt8](repeating: 0x20, count: 32_769), tag: 1)
            #expect(oversizeEvent.reason == .eventTooLarge)
            _ = try publisher.expectAccepted(try TestEvents.signed(broker: broker), tag: 2)

            // A frame above max-frame-bytes, below the transport limit: ERROR, the session ends.
            try publisher.expectError(after: [HostileEvents.header(0x10), HostileEvents.u64(3), [UInt8](repeating: 0x20, count: 65_537)],
                                      .protocolFrameTooLarge)
            Thread.sleep(forTimeInterval: 1.1)  // past limits.error-interval-ms
            try publisher.expectError(after: [HostileEvents.header(0x23, fields: [0, 0, 0, 1])], .protocolHelloRequired)

            // A frame above the transport limit (131,072): libzmq drops the connection while
            // reading it, nothing is answered, the session ends as disconnected.
            let huge = try AdapterClient(broker: broker, agency: "dukcapil")
            try huge.hello(agency: "dukcapil")
            try huge.socket.set(.receiveTimeoutMilliseconds, 1_500)
            try huge.sendRaw([HostileEvents.header(0x10), HostileEvents.u64(4), [UInt8](repeating: 0x20, count: 131_073)])
            #expect(throws: ZMQError.self) { _ = try huge.receive() }
            #expect(broker.log.contains("session.disconnected"))

            // An oversize HELLO field is refused too (identifier longer than 64 bytes).
            let long = try AdapterClient(broker: broker, agency: "dukcapil")
            try long.expectError(after: [HostileEvents.header(0x01), Array(String(repeating: "d", count: 65).utf8),
                                         Array("main".utf8), Array("1".utf8)], .protocolFieldTooLong)

            try broker.expectStillServes()
            let metrics = try broker.metrics()
            #expect(metrics.contains("gerbang_rejected_total{reason=\"event.too-large\"} 1\n"))
            #expect(broker.terminate() == 0)
        }
    }

    @Test func tooManyFramesAreRefused() async throws {
        try await IOThread.run {
            // max_frames = max(1 + 2 × 8, 4 + 20) = 24.
            let broker = try BrokerProcess(extraConfiguration: "limits: {max-events-per-publish: 8, max-subscriptions: 20}")
            let event = try TestEvents.signed(broker: broker)
            func publish(_ count: Int) -> [[UInt8]] {
                [HostileEvents.header(0x10)] + (0..<count).flatMap { [HostileEvents.u64(UInt64($0)), event] }
            }
            // 12 events: 25 frames > max_frames.
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            try publisher.expectError(after: publish(12), .protocolTooManyFrames)
            // 9 events: 19 frames fit, but more events than max-events-per-publish.
            let batch = try AdapterClient(broker: broker, agency: "dukcapil")
            try batch.hello(agency: "dukcapil")
            try batch.expectError(after: publish(9), .protocolBatchTooLarge)

            // 5,000 tiny frames: read to the end, the excess discarded, still answered.
            let flood = try AdapterClient(broker: broker, agency: "dukcapil")
            try flood.expectError(after: [HostileEvents.header(0x03)] + Array(repeating: [0x00], count: 4_999), .protocolTooManyFrames)

            // HELLO with 21 subscriptions (25 frames).
            let greedy = try AdapterClient(broker: broker, agency: "kemensos")
            try greedy.expectError(after: [HostileEvents.header(0x01), Array("kemensos".utf8), Array("main".utf8), Array("1".utf8)]
                                       + (1...21).map { Array("s\($0)".utf8) }, .protocolTooManyFrames)

            // Within max_frames but more than the command has: HEARTBEAT with a field frame,
            // ACK with two.
            let chatty = try AdapterClient(broker: broker, agency: "kemensos")
            try chatty.expectError(after: [HostileEvents.header(0x03), [0x01]], .protocolTooManyFrames)
            let ack = try AdapterClient(broker: broker, agency: "kemensos")
            try ack.expectError(after: [HostileEvents.header(0x21, fields: HostileEvents.u64(1)), [0x01], [0x02]], .protocolTooManyFrames)

            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func truncatedFramesAreRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let cases: [(String, [[UInt8]], ReasonCode)] = [
                ("empty header frame", [[]], .protocolMalformedFrame),
                ("header cut inside the prefix", [[0x47, 0x4D, 0x50, 0x01]], .protocolMalformedFrame),
                ("CREDIT header cut inside its u32", [HostileEvents.header(0x23, fields: [0, 0, 1])], .protocolMalformedFrame),
                ("ACK header cut inside its u64", [HostileEvents.header(0x21, fields: [0, 0, 0, 0, 0, 0, 1])], .protocolMalformedFrame),
                ("NACK header without its delay", [HostileEvents.header(0x22, fields: HostileEvents.u64(1) + [1]),
                                                   Array("x.y".utf8), []], .protocolMalformedFrame),
                ("PUBLISH tag frame of 7 bytes", [HostileEvents.header(0x10), [0, 0, 0, 0, 0, 0, 1], Array("{}".utf8)], .protocolMalformedFrame),
                ("PUBLISH tag without its event", [HostileEvents.header(0x10), HostileEvents.u64(1)], .protocolMissingFrame),
                ("HELLO without its version", [HostileEvents.header(0x01), Array("dukcapil".utf8), Array("main".utf8)], .protocolMissingFrame),
                ("NACK without its message frame", [HostileEvents.header(0x22, fields: HostileEvents.u64(1) + [1, 0, 0, 0, 0]),
                                                    Array("x.y".utf8)], .protocolMissingFrame),
                ("PUBLISH without events", [HostileEvents.header(0x10)], .protocolEmptyBatch),
            ]
            broker.expectErrors(cases, agency: "dukcapil")

            // A truncated frame inside a session ends the session (ERROR), nothing else.
            let session = try AdapterClient(broker: broker, agency: "dukcapil")
            try session.hello(agency: "dukcapil")
            try session.expectError(after: [HostileEvents.header(0x23, fields: [0, 1])], .protocolMalformedFrame)
            Thread.sleep(forTimeInterval: 1.1)
            try session.expectError(after: [HostileEvents.header(0x23, fields: [0, 0, 0, 1])], .protocolHelloRequired)

            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func unknownCommandsAndWrongVersionsAreRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let cases: [(String, [[UInt8]], ReasonCode)] = [
                ("command 0x00", [HostileEvents.header(0x00)], .protocolUnknownCommand),
                ("command 0x06", [HostileEvents.header(0x06)], .protocolUnknownCommand),
                ("command 0x7F", [HostileEvents.header(0x7F)], .protocolUnknownCommand),
                ("command 0xFF", [HostileEvents.header(0xFF)], .protocolUnknownCommand),
                ("admin ADMIN-REQUEST 0x40 on the adapter socket", [HostileEvents.header(0x40, fields: HostileEvents.u64(1)),
                                                                    Array("dlq.replay".utf8), Array("{}".utf8)], .protocolUnknownCommand),
                ("DELIVER from an adapter", [HostileEvents.header(0x20, fields: [UInt8](repeating: 0, count: 24)), [0x61], [0x62]],
                 .protocolUnexpectedCommand),
                ("WELCOME from an adapter", [HostileEvents.header(0x02, fields: [UInt8](repeating: 1, count: 31)), Array("x".utf8)],
                 .protocolUnexpectedCommand),
                ("version 0", [HostileEvents.header(0x01, version: 0x00)], .protocolUnsupportedVersion),
                ("version 2 HELLO", [HostileEvents.header(0x01, version: 0x02), Array("dukcapil".utf8), Array("main".utf8),
                                     Array("9.0".utf8)], .protocolUnsupportedVersion),
                ("version 0xFF", [HostileEvents.header(0x10, version: 0xFF)], .protocolUnsupportedVersion),
                ("bad magic", [[0x58, 0x4D, 0x50, 0x01, 0x01]], .protocolBadMagic),
                ("an HTTP request", [Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)], .protocolBadMagic),
            ]
            let details = broker.expectErrors(cases, agency: "bank-bri")
            for (name, _, reason) in cases where reason == .protocolUnsupportedVersion {
                #expect(details[name]?.hasSuffix("is not supported; supported: 1") == true, "\(name): \(details[name] ?? "no ERROR")")
            }
            // An unknown command inside a session ends it.
            let session = try AdapterClient(broker: broker, agency: "dukcapil")
            try session.hello(agency: "dukcapil")
            try session.expectError(after: [HostileEvents.header(0x7E)], .protocolUnknownCommand)
            Thread.sleep(forTimeInterval: 1.1)
            try session.expectError(after: [HostileEvents.header(0x23, fields: [0, 0, 0, 1])], .protocolHelloRequired)

            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }

    @Test func invalidUTF8InTextFieldsIsRefused() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let hello = HostileEvents.header(0x01)
            let invalid: [(String, [UInt8])] = [
                ("a lone continuation byte", [0x6D, 0x80]),
                ("an overlong '/'", [0x6D, 0xC0, 0xAF]),
                ("an encoded surrogate U+D800", [0x6D, 0xED, 0xA0, 0x80]),
                ("a sequence cut short", [0x6D, 0xE2, 0x82]),
                ("a code point above U+10FFFF", [0x6D, 0xF4, 0x90, 0x80, 0x80]),
                ("0xFF", [0x6D, 0xFF]),
            ]
            for (name, bytes) in invalid {
                // In HELLO's adapter name (identifier) and in its version (label).
                for frames in [[hello, Array("dukcapil".utf8), bytes, Array("1".utf8)],
                               [hello, Array("dukcapil".utf8), Array("main".utf8), bytes]] {
                    let peer = try AdapterClient(broker: broker, agency: "dukcapil")
                    try peer.sendRaw(frames)
                    guard case .error(let error) = try peer.receive() else {
                        Issue.record("\(name): no ERROR")
                        continue
                    }
                    #expect(error.reason == .protocolInvalidUTF8, "\(name)")
                }
            }
            // In a NACK's message (text) inside a session: ERROR, the session ends.
            let session = try AdapterClient(broker: broker, agency: "kemensos")
            try session.hello(agency: "kemensos")
            try session.expectError(after: [HostileEvents.header(0x22, fields: HostileEvents.u64(1) + [1, 0, 0, 0, 0]),
                                            Array("test.reason".utf8), [0x6F, 0x6B, 0xC3, 0x28]], .protocolInvalidUTF8)

            try broker.expectStillServes()
            #expect(broker.terminate() == 0)
        }
    }
}
