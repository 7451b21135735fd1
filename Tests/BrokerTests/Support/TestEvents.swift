import Envelope
import Foundation
import GerbangJSON
import Synchronization
import Trust

/// Signed example events for the tests, signed with the broker's development PKI.
enum TestEvents {
    /// `Config/examples/<type>.json` with a fresh `id`, signed by `agency`'s development key.
    static func signed(type: String = "population.death.registered", agency: String = "dukcapil",
                       broker: BrokerProcess, id: String = UUID().uuidString,
                       edit: (String) -> String = { $0 }) throws -> [UInt8] {
        let url = BrokerProcess.repositoryRoot.appendingPathComponent("Config/examples/\(type).json")
        var event = try CloudEvent(parsing: edit(try String(contentsOf: url, encoding: .utf8)))
        try event.setAttribute("id", to: .string(id))
        let pki = DevelopmentPKI(directory: broker.dataDirectory.appendingPathComponent("pki"))
        let files = pki.files(of: agency)
        let signer = try PayloadSigner(
            key: PrivateKey(pem: Array(try Data(contentsOf: files.key))),
            certificate: Certificate(pem: Array(try Data(contentsOf: files.certificate))))
        return try signer.sign(event).serializedBytes()
    }

    /// A signed event whose `subject` was changed after signing.
    static func tampered(broker: BrokerProcess) throws -> [UInt8] {
        var event = try CloudEvent(parsing: try signed(broker: broker))
        try event.setAttribute("subject", to: .string("3374-KM-19112026-9999"))
        return event.serializedBytes()
    }
}

/// Signs many events fast: the example is parsed and the agency's key loaded once. `Sendable`
/// (a parsed event and a signer, both values), so one factory can sign on several threads.
struct TestEventFactory: Sendable {
    let template: CloudEvent
    let signer: PayloadSigner

    init(type: String = "population.death.registered", agency: String = "dukcapil", broker: BrokerProcess) throws {
        let url = BrokerProcess.repositoryRoot.appendingPathComponent("Config/examples/\(type).json")
        template = try CloudEvent(parsing: try String(contentsOf: url, encoding: .utf8))
        let files = DevelopmentPKI(directory: broker.dataDirectory.appendingPathComponent("pki")).files(of: agency)
        signer = try PayloadSigner(
            key: PrivateKey(pem: Array(try Data(contentsOf: files.key))),
            certificate: Certificate(pem: Array(try Data(contentsOf: files.certificate))))
    }

    /// The example with `id`, signed.
    func signed(id: String) throws -> [UInt8] {
        var event = template
        try event.setAttribute("id", to: .string(id))
        return try signer.sign(event).serializedBytes()
    }

    /// The example with `id`, signed, then its `subject` changed: `signature.invalid`.
    func tampered(id: String) throws -> [UInt8] {
        var event = try signer.sign({ var event = template; try event.setAttribute("id", to: .string(id)); return event }())
        try event.setAttribute("subject", to: .string("3374-KM-19112026-9999"))
        return event.serializedBytes()
    }

    /// The example with `id` and a `data` that violates the schema (`registeredOn` not a date),
    /// signed correctly: `schema.violation`.
    func schemaViolating(id: String) throws -> [UInt8] {
        var event = template
        try event.setAttribute("id", to: .string(id))
        let bytes = event.serializedBytes()
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"2026-11-19\"", with: "\"19-11-2026\"")
        return try signer.sign(try CloudEvent(parsing: text)).serializedBytes()
    }

    /// `count` events signed on every core (`DispatchQueue.concurrentPerform`), with ids
    /// `<prefix>-<index>`.
    func signedInParallel(count: Int, idPrefix: String) throws -> [[UInt8]] {
        let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let results = Mutex<[Int: Result<[[UInt8]], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
            let result = Result { try range.map { try signed(id: "\(idPrefix)-\($0)") } }
            results.withLock { $0[chunk] = result }
        }
        return try results.withLock { all in try (0..<chunks).flatMap { try all[$0]!.get() } }
    }
}

/// Signs `count` events ahead of the publisher on a background thread (in chunks, each signed
/// on every core), keeping at most `ahead` chunks ready, so that signing overlaps publishing.
/// `Sendable`: the buffer lives in a `Mutex`.
final class SigningAhead: Sendable {
    private struct State {
        var ready: [[[UInt8]]] = []
        var failure: String?
        var cancelled = false
    }

    /// The buffer, shared with the signing thread (which must not keep `self` alive).
    private final class Shared: Sendable {
        let state = Mutex(State())
    }

    private let shared = Shared()

    init(factory: TestEventFactory, count: Int, idPrefix: String, chunk: Int = 5_000, ahead: Int = 3) {
        let shared = shared
        Thread.detachNewThread {
            var next = 0
            while next < count {
                while shared.state.withLock({ $0.ready.count >= ahead && !$0.cancelled }) { usleep(2_000) }
                if shared.state.withLock({ $0.cancelled }) { return }
                let size = min(chunk, count - next)
                do {
                    let events = try factory.signedInParallel(count: size, idPrefix: "\(idPrefix)-\(next)")
                    shared.state.withLock { $0.ready.append(events) }
                } catch {
                    shared.state.withLock { $0.failure = "\(error)" }
                    return
                }
                next += size
            }
        }
    }

    /// The next signed chunk; waits (at most `timeout`) for it.
    func nextChunk(timeout: TimeInterval = 120) throws -> [[UInt8]] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (chunk, failure) = shared.state.withLock { state -> ([[UInt8]]?, String?) in
                (state.ready.isEmpty ? nil : state.ready.removeFirst(), state.failure)
            }
            if let chunk { return chunk }
            if let failure { throw BrokerTestError("signing failed: \(failure)") }
            usleep(1_000)
        }
        throw BrokerTestError("no signed events within \(timeout) s")
    }

    deinit { shared.state.withLock { $0.cancelled = true } }
}
