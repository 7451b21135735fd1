import Foundation
import GMP
import Testing

/// The JSON shape of `Tests/GMPTests/Vectors/valid.json` and `invalid.json`, shared with the
/// Python tests (`Tests/python/test_gmp_vectors.py`).
struct VectorFile<Vector: Decodable>: Decodable {
    var description: String
    var vectors: [Vector]

    static func load(_ name: String) throws -> [Vector] {
        let data = try Data(contentsOf: TestPaths.vector(name))
        return try JSONDecoder().decode(VectorFile.self, from: data).vectors
    }
}

/// A well-formed message: its frames and its fields.
struct ValidVector: Decodable, CustomTestStringConvertible {
    var name: String
    var command: String
    var frames: [String]
    var fields: Fields

    var testDescription: String { name }

    struct PublishedEvent: Decodable {
        var tag: UInt64
        var event: String
    }

    struct Fields: Decodable {
        var agency: String?
        var adapter_name: String?
        var adapter_version: String?
        var subscriptions: [String]?
        var session_id: UInt64?
        var heartbeat_interval_ms: UInt32?
        var heartbeat_liveness: UInt8?
        var max_frame_bytes: UInt32?
        var max_event_bytes: UInt32?
        var max_events_per_publish: UInt16?
        var max_credit: UInt32?
        var lease_ms: UInt32?
        var broker_id: String?
        var reason: String?
        var detail: String?
        var events: [PublishedEvent]?
        var tag: UInt64?
        var sequence: UInt64?
        var duplicate: Bool?
        var specific_code: String?
        var message: String?
        var location: String?
        var delivery_id: UInt64?
        var more_delivery_ids: [UInt64]?
        var attempt: UInt32?
        var subscription: String?
        var event: String?
        var disposition: String?
        var delay_ms: UInt32?
        var credit: UInt32?
    }

    struct MissingField: Error {
        var vector: String
    }

    var frameBytes: [[UInt8]] {
        frames.map { Hex.decode($0) ?? [] }
    }

    /// The message the fields describe.
    func message() throws -> GMPMessage {
        let f = fields
        func need<T>(_ value: T?) throws -> T {
            guard let value else { throw MissingField(vector: name) }
            return value
        }
        func code(_ text: String?) throws -> ReasonCode {
            guard let code = ReasonCode(rawValue: try need(text)) else { throw MissingField(vector: name) }
            return code
        }
        switch command {
        case "HELLO":
            return .hello(
                .init(
                    agency: try need(f.agency), adapterName: try need(f.adapter_name),
                    adapterVersion: try need(f.adapter_version), subscriptions: try need(f.subscriptions)))
        case "WELCOME":
            return .welcome(
                .init(
                    sessionID: try need(f.session_id), heartbeatIntervalMilliseconds: try need(f.heartbeat_interval_ms),
                    heartbeatLiveness: try need(f.heartbeat_liveness), maxFrameBytes: try need(f.max_frame_bytes),
                    maxEventBytes: try need(f.max_event_bytes), maxEventsPerPublish: try need(f.max_events_per_publish),
                    maxCredit: try need(f.max_credit), leaseMilliseconds: try need(f.lease_ms),
                    brokerID: try need(f.broker_id), subscriptions: try need(f.subscriptions)))
        case "HEARTBEAT":
            return .heartbeat
        case "BYE":
            return .bye(.init(reason: try code(f.reason)))
        case "ERROR":
            return .error(.init(reason: try code(f.reason), detail: try need(f.detail)))
        case "PUBLISH":
            return .publish(
                .init(events: try need(f.events).map { .init(tag: $0.tag, event: Hex.decode($0.event) ?? []) }))
        case "ACCEPTED":
            return .accepted(.init(tag: try need(f.tag), sequence: try need(f.sequence), duplicate: try need(f.duplicate)))
        case "REJECTED":
            return .rejected(
                .init(
                    tag: try need(f.tag), reason: try code(f.reason), specificCode: try need(f.specific_code),
                    message: try need(f.message), location: try need(f.location)))
        case "DELIVER":
            return .deliver(
                .init(
                    deliveryID: try need(f.delivery_id), sequence: try need(f.sequence), attempt: try need(f.attempt),
                    leaseMilliseconds: try need(f.lease_ms), subscription: try need(f.subscription),
                    event: Hex.decode(try need(f.event)) ?? []))
        case "ACK":
            return .ack(.init(deliveryIDs: [try need(f.delivery_id)] + (f.more_delivery_ids ?? []))!)
        case "NACK":
            let disposition: GMPMessage.Nack.Disposition =
                try need(f.disposition) == "permanent" ? .permanent : .retry(delayMilliseconds: try need(f.delay_ms))
            return .nack(
                .init(deliveryID: try need(f.delivery_id), disposition: disposition, reason: try need(f.reason), message: try need(f.message)))
        case "CREDIT":
            return .credit(.init(credit: try need(f.credit)))
        default:
            throw MissingField(vector: name)
        }
    }
}

/// A message that must fail with a given reason and frame index.
struct InvalidVector: Decodable, CustomTestStringConvertible {
    var name: String
    var frames: [String]
    var reason: String
    var frame: Int?
    var limits: Limits?
    var sender: String?

    var testDescription: String { name }

    struct Limits: Decodable {
        var max_frames: Int?
        var max_frame_bytes: Int?
        var max_events_per_publish: Int?
        var max_subscriptions: Int?
    }

    var frameBytes: [[UInt8]] {
        frames.map { Hex.decode($0) ?? [] }
    }

    var gmpLimits: GMPLimits {
        var result = GMPLimits.default
        if let value = limits?.max_frames { result.maxFrames = value }
        if let value = limits?.max_frame_bytes { result.maxFrameBytes = value }
        if let value = limits?.max_events_per_publish { result.maxEventsPerPublish = value }
        if let value = limits?.max_subscriptions { result.maxSubscriptions = value }
        return result
    }

    var role: GMPRole? {
        sender.flatMap(GMPRole.init(rawValue:))
    }
}
