import Dispatch
import Envelope
import Foundation
import Synchronization
import Trust

/// The benchmark's events: `Config/examples/population.death.registered.json`, each with its own
/// `id` (so that the broker's de-duplication never short-cuts) and `partitionkey` (one per
/// beneficiary, as Dukcapil would send; `kemensos.bansos` orders by it), padded to the wanted
/// size with a W3C `tracestate` (the only free-form attribute the schema allows), signed by
/// dukcapil's development key. Signed before any timing starts.
struct BenchmarkEvents {
    /// The signed events, in publishing order; the number in each `id` is the index here.
    let events: [[UInt8]]
    /// Bytes of every event (all have the same size).
    let eventBytes: Int
    /// The run's `id` prefix: `xxxxxxxx-xxxx-4xxx-8xxx`; an event's id is `<prefix>-<index, 12 hex>`.
    let prefix: String
    /// What ``signed(index:)`` signs more events with (the soak signs as it goes).
    private let template: CloudEvent
    private let padding: Int
    private let signer: PayloadSigner

    /// Signs `count` events of `size` bytes (or of their natural size when that is larger) with the agency key that development mode issued in
    /// `broker`'s data directory, on every core.
    init(count: Int, size: Int, broker: BrokerChild) throws {
        let pki = DevelopmentPKI(directory: broker.dataDirectory.appendingPathComponent("pki"))
        let files = pki.files(of: "dukcapil")
        let signer = try PayloadSigner(
            key: PrivateKey(pem: Array(try Data(contentsOf: files.key))),
            certificate: Certificate(pem: Array(try Data(contentsOf: files.certificate))))
        let example = try String(
            contentsOf: BrokerChild.repositoryRoot.appendingPathComponent("Config/examples/population.death.registered.json"),
            encoding: .utf8)
        let template = try CloudEvent(parsing: example)
        self.template = template
        self.signer = signer
        let hex = UUID().uuidString.lowercased().prefix(23)
        let prefix = String(hex.prefix(14)) + "4" + String(hex.dropFirst(15).prefix(4)) + "8" + String(hex.dropFirst(20))
        self.prefix = prefix

        // The padding that makes an event exactly `size` bytes: sign one unpadded, measure.
        let unpadded = try Self.sign(template, index: 0, prefix: prefix, padding: 0, signer: signer)
        // Already as large (the example with its signature is about 1 KiB): no padding.
        let overhead = #","tracestate":"w1="#.utf8.count
        let padding = size > unpadded.count + overhead ? size - unpadded.count - overhead : 0
        self.padding = padding
        guard padding <= 500 else {
            throw BenchmarkError("an event without padding has \(unpadded.count) bytes; --event-bytes can add at most 500")
        }
        let slices = Mutex<[Int: [[UInt8]]]>([:])
        let failure = Mutex<(any Error)?>(nil)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = (count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * chunk)..<min(count, (worker + 1) * chunk)
            var signed: [[UInt8]] = []
            signed.reserveCapacity(range.count)
            do {
                for index in range {
                    signed.append(try Self.sign(template, index: index, prefix: prefix, padding: padding, signer: signer))
                }
            } catch {
                failure.withLock { $0 = error }
            }
            slices.withLock { $0[worker] = signed }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        events = slices.withLock { parts in (0..<workers).flatMap { parts[$0] ?? [] } }
        eventBytes = events.first?.count ?? 0
        guard events.count == count, events.allSatisfy({ $0.count == eventBytes }) else {
            throw BenchmarkError("signed \(events.count) events of uneven sizes; expected \(count)")
        }
    }

    /// Event `index` signed now, exactly like those signed up front (the same size); for indexes
    /// past ``events`` (the soak publishes more events than it could hold signed in memory).
    func signed(index: Int) throws -> [UInt8] {
        try Self.sign(template, index: index, prefix: prefix, padding: padding, signer: signer)
    }

    /// The event with index `index`.
    private static func sign(_ template: CloudEvent, index: Int, prefix: String, padding: Int,
                             signer: PayloadSigner) throws -> [UInt8] {
        var event = template
        try event.setAttribute("id", to: .string(EventIndex.id(prefix: prefix, index: index)))
        try event.setAttribute("partitionkey", to: .string("kpm-" + EventIndex.hex12(index)))
        if padding > 0 {
            try event.setAttribute("tracestate", to: .string("w1=" + String(repeating: "x", count: padding)))
        }
        return try signer.sign(event).serializedBytes()
    }
}

/// An event's index, carried in its `id` so that a subscriber finds it without parsing the event.
enum EventIndex {
    /// `<prefix>-<index as 12 lower-case hex digits>` (a UUID's shape).
    static func id(prefix: String, index: Int) -> String {
        prefix + "-" + hex12(index)
    }

    /// `index` as 12 lower-case hex digits (fixed width, so that every event has the same size).
    static func hex12(_ index: Int) -> String {
        let digits = String(index, radix: 16)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    private static let marker = Array(#""id":""#.utf8)

    /// The index in the `id` of a serialised event (the first `"id":"` member; the benchmark's
    /// events are compact JSON with `id` second), or nil.
    static func parse(_ event: [UInt8]) -> Int? {
        let limit = min(event.count, 256) - marker.count
        guard limit > 0 else { return nil }
        var start = -1
        for offset in 0..<limit where event[offset] == marker[0] {
            if Array(event[offset..<(offset + marker.count)]) == marker {
                start = offset + marker.count
                break
            }
        }
        guard start >= 0, start + 36 < event.count, event[start + 36] == UInt8(ascii: "\"") else { return nil }
        var index = 0
        for byte in event[(start + 24)..<(start + 36)] {
            guard let digit = hexDigit(byte) else { return nil }
            index = index << 4 | digit
        }
        return index
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        default: nil
        }
    }
}
