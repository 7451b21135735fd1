import Foundation
import GMP
import Testing
import ZeroMQ

/// What every hostile-input test ends with: the broker still serves well-behaved clients.
extension BrokerProcess {
    /// A fresh publisher (dukcapil) and consumer (kemensos/main, subscription
    /// `kemensos-population`) on new connections: a valid event, timestamped now, is ACCEPTED
    /// (not as a duplicate) and then DELIVERed to the consumer byte for byte. Deliveries of
    /// earlier events the consumer meets on the way are acknowledged.
    func expectStillServes(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let publisher = try AdapterClient(broker: self, agency: "dukcapil")
        try publisher.hello(agency: "dukcapil", adapter: "well-behaved")
        let event = try TestEvents.signed(broker: self, edit: HostileEvents.timestamped(offset: 0))
        try publisher.send(.publish(.init(events: [.init(tag: 424_242, event: event)])))
        let answer = try publisher.receive()
        guard case .accepted(let accepted) = answer, accepted.tag == 424_242 else {
            throw BrokerTestError("the broker no longer accepts a valid event: \(answer)\n\(log.suffix(4_000))")
        }
        #expect(!accepted.duplicate, sourceLocation: sourceLocation)

        let consumer = try AdapterClient(broker: self, agency: "kemensos")
        try consumer.hello(agency: "kemensos", subscriptions: ["kemensos-population"])
        try consumer.send(.credit(.init(credit: 100)))
        for _ in 0..<1_000 {
            let message = try consumer.receive()
            guard case .deliver(let deliver) = message else { throw BrokerTestError("consumer got \(message)") }
            try consumer.send(.ack(.init(deliveryID: deliver.deliveryID)))
            if deliver.sequence == accepted.sequence {
                #expect(deliver.event == event, sourceLocation: sourceLocation)
                try consumer.send(.bye(.init(reason: .sessionClosed)))
                try publisher.send(.bye(.init(reason: .sessionClosed)))
                return
            }
        }
        throw BrokerTestError("the accepted event was never delivered")
    }

    /// `GET /metrics`, the body.
    func metrics() throws -> String {
        let port = try #require(metricsPort)
        return try HTTPGet.fetch(port: port, path: "/metrics")
    }

    /// The TCP port of the adapter endpoint (`tcp://127.0.0.1:<port>`).
    var adapterPort: UInt16? {
        endpoint.split(separator: ":").last.flatMap { UInt16($0) }
    }
}

/// Hostile bytes and edits for the tests of `Tests/BrokerTests/Hostile`.
enum HostileEvents {
    /// The header frame of GMP/1 `command`, followed by `fields` (fixed header fields).
    static func header(_ command: UInt8, version: UInt8 = 0x01, fields: [UInt8] = []) -> [UInt8] {
        [0x47, 0x4D, 0x50, version, command] + fields
    }

    /// A big-endian `u64` frame.
    static func u64(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }

    /// An edit for ``TestEvents/signed(type:agency:broker:id:edit:)`` that sets the example's
    /// `time` to now + `offset` seconds.
    static func timestamped(offset: TimeInterval) -> (String) -> String {
        let time = Date().addingTimeInterval(offset).formatted(.iso8601)
        return { $0.replacingOccurrences(of: "\"time\": \"2026-11-19T09:42:17+07:00\"", with: "\"time\": \"\(time)\"") }
    }

    /// `bytes` with the first occurrence of `text` replaced by `replacement` (raw bytes, so that
    /// invalid UTF-8 can be put in).
    static func replacing(_ text: String, with replacement: [UInt8], in bytes: [UInt8]) throws -> [UInt8] {
        let needle = Array(text.utf8)
        guard let start = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }) else {
            throw BrokerTestError("`\(text)` not in the event")
        }
        return Array(bytes[..<start]) + replacement + Array(bytes[(start + needle.count)...])
    }
}

extension AdapterClient {
    /// Sends `frames` and expects ERROR with `reason`; returns its detail.
    @discardableResult
    func expectError(after frames: [[UInt8]], _ reason: ReasonCode,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try sendRaw(frames)
        let answer = try receive()
        guard case .error(let error) = answer else { throw BrokerTestError("no ERROR for \(reason): \(answer)") }
        #expect(error.reason == reason, sourceLocation: sourceLocation)
        return error.detail
    }

    /// Publishes one event and returns its REJECTED answer (fails on ACCEPTED).
    func expectRejected(_ event: [UInt8], tag: UInt64 = 1) throws -> GMPMessage.Rejected {
        try send(.publish(.init(events: [.init(tag: tag, event: event)])))
        let answer = try receive()
        guard case .rejected(let rejected) = answer, rejected.tag == tag else {
            throw BrokerTestError("tag \(tag) not rejected: \(answer)")
        }
        return rejected
    }

    /// Publishes one event and returns its ACCEPTED answer (fails on REJECTED).
    func expectAccepted(_ event: [UInt8], tag: UInt64 = 1) throws -> GMPMessage.Accepted {
        try send(.publish(.init(events: [.init(tag: tag, event: event)])))
        let answer = try receive()
        guard case .accepted(let accepted) = answer, accepted.tag == tag else {
            throw BrokerTestError("tag \(tag) not accepted: \(answer)")
        }
        return accepted
    }
}
