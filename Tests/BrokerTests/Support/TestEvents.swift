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
