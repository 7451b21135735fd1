import GMP
import Testing

/// Each kind of malformed input gets its own reason code, never a trap. (The shared vectors in
/// `Vectors/invalid.json` cover many more cases; these name the important ones explicitly.)
@Suite("GMP/1 malformed input")
struct MalformedInputTests {
    static let hello: [[UInt8]] = [header(0x01), Array("dukcapil".utf8), Array("csv-inbox".utf8), Array("1.0".utf8)]

    static func header(_ command: UInt8, version: UInt8 = 1) -> [UInt8] {
        [0x47, 0x4D, 0x50, version, command]
    }

    static func reason(_ frames: [[UInt8]], limits: GMPLimits = .default, from sender: GMPRole? = nil) -> ReasonCode? {
        do {
            _ = try GMPMessage(decoding: frames, limits: limits, from: sender)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("a truncated header frame is protocol.malformed-frame")
    func truncatedHeader() {
        #expect(Self.reason([[0x47, 0x4D]]) == .protocolMalformedFrame)
        #expect(Self.reason([Array(Self.header(0x21)) + [0, 0, 0]]) == .protocolMalformedFrame)
    }

    @Test("a wrong signature is protocol.bad-magic")
    func wrongMagic() {
        #expect(Self.reason([[0x5A, 0x4D, 0x54, 0x01, 0x03]]) == .protocolBadMagic)
    }

    @Test("a wrong version is protocol.unsupported-version, and the detail names the supported ones")
    func wrongVersion() {
        #expect(throws: GMPProtocolError(.protocolUnsupportedVersion, frame: 0, "version 2 is not supported; supported: 1")) {
            try GMPMessage(decoding: [Self.header(0x03, version: 2)])
        }
    }

    @Test("an unknown command is protocol.unknown-command, the reserved admin range included")
    func unknownCommand() {
        for code: UInt8 in [0x00, 0x06, 0x13, 0x24, 0x40, 0x5F, 0x80, 0xFF] {
            #expect(Self.reason([Self.header(code)]) == .protocolUnknownCommand, "command \(code)")
        }
    }

    @Test("too many frames is protocol.too-many-frames, whatever the frames hold")
    func tooManyFrames() {
        let frames = [[UInt8]](repeating: [0xFF], count: 514)
        #expect(Self.reason(frames) == .protocolTooManyFrames)
        #expect(Self.reason([Self.header(0x03), []]) == .protocolTooManyFrames)
    }

    @Test("an oversize frame is protocol.frame-too-large")
    func oversizeFrame() {
        let frames: [[UInt8]] = [Self.header(0x10), [0, 0, 0, 0, 0, 0, 0, 1], [UInt8](repeating: 0x20, count: 1_048_577)]
        #expect(Self.reason(frames) == .protocolFrameTooLarge)
    }

    @Test("invalid UTF-8 in a text field is protocol.invalid-utf8")
    func badUTF8() {
        var frames = Self.hello
        frames[3] = [0x31, 0xC3]
        #expect(Self.reason(frames) == .protocolInvalidUTF8)
        let error: [[UInt8]] = [Self.header(0x05), Array("broker.internal".utf8), [0x65, 0xED, 0xBF, 0xBF]]
        #expect(Self.reason(error) == .protocolInvalidUTF8)
    }

    @Test("trailing bytes in a header or number frame are protocol.malformed-frame")
    func trailingBytes() {
        #expect(Self.reason([Self.header(0x03) + [0]]) == .protocolMalformedFrame)
        #expect(Self.reason([Self.header(0x10), [UInt8](repeating: 0, count: 9), [0x7B, 0x7D]]) == .protocolMalformedFrame)
    }

    @Test("PUBLISH without events is protocol.empty-batch, on decode and on encode")
    func emptyPublish() {
        #expect(Self.reason([Self.header(0x10)]) == .protocolEmptyBatch)
        #expect(throws: GMPProtocolError(.protocolEmptyBatch, "PUBLISH carries no event")) {
            try GMPMessage.publish(.init(events: [])).encode()
        }
    }

    @Test("PUBLISH beyond the batch limit is protocol.batch-too-large")
    func batchTooLarge() {
        var frames = [Self.header(0x10)]
        for tag: UInt8 in 1...5 {
            frames += [[0, 0, 0, 0, 0, 0, 0, tag], [0x7B, 0x7D]]
        }
        #expect(Self.reason(frames, limits: GMPLimits(maxEventsPerPublish: 4)) == .protocolBatchTooLarge)
        #expect(Self.reason(frames, limits: GMPLimits(maxEventsPerPublish: 5)) == nil)
    }

    @Test("a missing field frame is protocol.missing-frame")
    func missingFrame() {
        #expect(Self.reason(Array(Self.hello.prefix(2))) == .protocolMissingFrame)
        #expect(Self.reason([]) == .protocolMissingFrame)
    }

    @Test("the encoder refuses what the decoder would refuse, naming the frame")
    func encoderValidates() {
        #expect(throws: GMPProtocolError(.protocolInvalidField, frame: 1, "agency must match [a-z0-9][a-z0-9._-]*")) {
            try GMPMessage.hello(.init(agency: "Dukcapil", adapterName: "x", adapterVersion: "1")).encode()
        }
        #expect(throws: GMPProtocolError(.protocolFieldTooLong, frame: 2, "detail is 4097 bytes, at most 4096 allowed")) {
            try GMPMessage.error(.init(reason: .brokerInternal, detail: String(repeating: "x", count: 4097))).encode()
        }
        #expect(throws: GMPProtocolError(.protocolInvalidField, frame: 0, "DELIVER attempt must be at least 1")) {
            try GMPMessage.deliver(.init(deliveryID: 1, sequence: 1, attempt: 0, leaseMilliseconds: 1, subscription: "s", event: [])).encode()
        }
        #expect(throws: GMPProtocolError(.protocolInvalidField, frame: 0, "WELCOME heartbeat liveness must be at least 1")) {
            try GMPMessage.welcome(
                .init(
                    sessionID: 1, heartbeatIntervalMilliseconds: 1, heartbeatLiveness: 0, maxFrameBytes: 1, maxEventBytes: 1,
                    maxEventsPerPublish: 1, maxCredit: 1, leaseMilliseconds: 1, brokerID: "b", subscriptions: [])
            ).encode()
        }
    }

    @Test("a well-formed reason code this registry does not know decodes as unrecognized")
    func unknownReasonCode() throws {
        let frames: [[UInt8]] = [Self.header(0x05), Array("quota.exhausted".utf8), []]
        #expect(try GMPMessage(decoding: frames) == .error(.init(reason: .unrecognized, detail: "")))
    }

    @Test("an ERROR built from a decoding error carries its reason and fits the detail limit")
    func errorFromDecodingError() throws {
        let error = GMPProtocolError(.protocolBadMagic, frame: 0, String(repeating: "é", count: 3000))
        let message = GMPMessage.SessionError(error)
        #expect(message.reason == .protocolBadMagic)
        #expect(message.detail.utf8.count <= GMPProtocol.maxMessageBytes)
        _ = try GMPMessage.error(message).encode()
    }

    @Test("truncation keeps whole Unicode scalars")
    func truncation() {
        #expect(GMPText.truncated("aé", toBytes: 2) == "a")
        #expect(GMPText.truncated("aé", toBytes: 3) == "aé")
        #expect(GMPText.truncated("", toBytes: 0) == "")
        #expect(GMPText.isIdentifier("bank-bri.v2_x"))
        #expect(!GMPText.isIdentifier("Bank"))
        #expect(!GMPText.isIdentifier(String(repeating: "a", count: 65)))
    }
}
