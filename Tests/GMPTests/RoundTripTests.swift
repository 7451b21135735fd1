import GMP
import Testing

@Suite("GMP/1 round trips")
struct RoundTripTests {
    static let event = Array(#"{"specversion":"1.0","id":"e-1","source":"dukcapil","type":"population.death.registered","data":{}}"#.utf8)

    /// One message of every command, with non-trivial values.
    static let messages: [GMPMessage] = [
        .hello(.init(agency: "kemensos", adapterName: "bansos-sync", adapterVersion: "2.0.0-rc.1", subscriptions: ["deaths", "moves"])),
        .hello(.init(agency: "dukcapil", adapterName: "csv-inbox", adapterVersion: "1")),
        .welcome(
            .init(
                sessionID: 0xDEAD_BEEF_0000_0001, heartbeatIntervalMilliseconds: 5000, heartbeatLiveness: 3,
                maxFrameBytes: 1_048_576, maxEventBytes: 262_144, maxEventsPerPublish: 256, maxCredit: 1000,
                leaseMilliseconds: 30000, brokerID: "gerbangd/0.1.0", subscriptions: ["deaths"])),
        .heartbeat,
        .bye(.init()),
        .bye(.init(reason: .sessionShuttingDown)),
        .error(.init(reason: .protocolHelloRequired, detail: "say HELLO first")),
        .publish(.init(events: [.init(tag: 1, event: event), .init(tag: .max, event: []), .init(tag: 0, event: [0xFF, 0x00])])),
        .accepted(.init(tag: 1, sequence: 99, duplicate: false)),
        .accepted(.init(tag: .max, sequence: .max, duplicate: true)),
        .rejected(
            .init(
                tag: 5, reason: .schemaViolation, specificCode: "schema.keyword.format", message: "NIK harus 16 digit — ✓",
                location: "/data/person/nik")),
        .rejected(.init(tag: 6, reason: .storeUnavailable)),
        .deliver(.init(deliveryID: 7, sequence: 99, attempt: 3, leaseMilliseconds: 30000, subscription: "deaths", event: event)),
        .ack(.init(deliveryID: .max)),
        .ack(.init(deliveryIDs: [3, 0, .max, 3])!),
        .nack(.init(deliveryID: 8, disposition: .retry(delayMilliseconds: 0), reason: "bank.timeout", message: "timeout")),
        .nack(.init(deliveryID: 9, disposition: .retry(delayMilliseconds: .max), reason: "x")),
        .nack(.init(deliveryID: 10, disposition: .permanent, reason: "bank.account-invalid", message: "rekening tidak ditemukan")),
        .credit(.init(credit: 0)),
        .credit(.init(credit: .max)),
    ]

    @Test("an ACK of several deliveries carries the first id in its header and the others in frame 1")
    func ackOfSeveralDeliveries() throws {
        #expect(GMPMessage.Ack(deliveryIDs: []) == nil)
        #expect(try GMPMessage.ack(.init(deliveryID: 1)).encode().count == 1)
        let frames = try GMPMessage.ack(.init(deliveryIDs: [1, 2, 0x0102_0304_0506_0708])!).encode()
        #expect(frames.count == 2)
        #expect(frames[0].suffix(8) == [0, 0, 0, 0, 0, 0, 0, 1])
        #expect(frames[1] == [0, 0, 0, 0, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8])
        guard case .ack(let decoded) = try GMPMessage(decoding: frames, from: .adapter) else {
            Issue.record("not an ACK")
            return
        }
        #expect(decoded.deliveryIDs == [1, 2, 0x0102_0304_0506_0708])
        #expect(decoded.deliveryID == 1)
    }

    @Test("every command encodes and decodes back to the same message", arguments: messages)
    func roundTrip(_ message: GMPMessage) throws {
        let frames = try message.encode()
        #expect(frames[0].count == message.command.headerLength)
        #expect(Array(frames[0].prefix(5)) == [0x47, 0x4D, 0x50, 0x01, message.command.rawValue])
        #expect(try GMPMessage(decoding: frames) == message)
    }

    @Test("every command decodes when its sender is declared, and is refused from the other role", arguments: messages)
    func senderCheck(_ message: GMPMessage) throws {
        let frames = try message.encode()
        for role in GMPRole.allCases {
            if message.command.senders.contains(role) {
                #expect(try GMPMessage(decoding: frames, from: role) == message)
            } else {
                #expect(throws: GMPProtocolError(.protocolUnexpectedCommand, frame: 0, "\(message.command.name) is not sent by the \(role.rawValue)")) {
                    try GMPMessage(decoding: frames, from: role)
                }
            }
        }
    }

    @Test("the round trip covers every command")
    func coversEveryCommand() {
        #expect(Set(Self.messages.map(\.command)) == Set(GMPCommand.allCases))
    }

    @Test("event payloads travel as their own frames, byte for byte")
    func payloadsUnchanged() throws {
        let frames = try GMPMessage.publish(.init(events: [.init(tag: 1, event: Self.event)])).encode()
        #expect(frames.count == 3)
        #expect(frames[2] == Self.event)
    }

    @Test("the description never contains payload bytes or free text")
    func descriptionHidesPayload() {
        let deliver = GMPMessage.deliver(
            .init(deliveryID: 1, sequence: 1, attempt: 1, leaseMilliseconds: 1, subscription: "deaths", event: Array("NIK 3201".utf8)))
        #expect(!deliver.description.contains("3201"))
        let rejected = GMPMessage.rejected(.init(tag: 1, reason: .schemaViolation, message: "secret Budi"))
        #expect(!rejected.description.contains("Budi"))
    }
}
