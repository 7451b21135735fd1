import Envelope
import Foundation
import GerbangJSON
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
