import Envelope
import Foundation
import Trust

/// Signed `population.death.registered` events (the catalogue example with fresh ids), signed
/// once before any timing with dukcapil's development key.
enum SignedEvents {
    static func make(count: Int, broker: BrokerChild) throws -> [[UInt8]] {
        let example = BrokerChild.repositoryRoot.appendingPathComponent("Config/examples/population.death.registered.json")
        var event = try CloudEvent(parsing: try String(contentsOf: example, encoding: .utf8))
        try event.setAttribute("time", to: .string(Date().formatted(.iso8601)))
        let pki = DevelopmentPKI(directory: broker.dataDirectory.appendingPathComponent("pki"))
        let files = pki.files(of: "dukcapil")
        let signer = try PayloadSigner(
            key: PrivateKey(pem: Array(try Data(contentsOf: files.key))),
            certificate: Certificate(pem: Array(try Data(contentsOf: files.certificate))))
        return try (0..<count).map { _ in
            try event.setAttribute("id", to: .string(UUID().uuidString.lowercased()))
            return try signer.sign(event).serializedBytes()
        }
    }
}
