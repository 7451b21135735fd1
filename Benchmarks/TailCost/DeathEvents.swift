import Envelope
import Foundation
import Trust

/// Signs `population.death.registered` events (the shipped example with a fresh `id` each) with
/// dukcapil's development key from the broker's data directory. Stateless apart from the signer.
struct DeathEvents {
    private let signer: PayloadSigner
    private let template: CloudEvent

    init(broker: TailCostBroker) throws {
        let files = DevelopmentPKI(directory: broker.dataDirectory.appendingPathComponent("pki")).files(of: "dukcapil")
        signer = try PayloadSigner(key: PrivateKey(pem: Array(try Data(contentsOf: files.key))),
                                   certificate: Certificate(pem: Array(try Data(contentsOf: files.certificate))))
        template = try CloudEvent(parsing: try String(
            contentsOf: TailCostBroker.repositoryRoot.appendingPathComponent("Config/examples/population.death.registered.json"),
            encoding: .utf8))
    }

    /// `count` freshly signed events.
    func make(_ count: Int) throws -> [[UInt8]] {
        try (0..<count).map { _ in
            var event = template
            try event.setAttribute("id", to: .string(UUID().uuidString.lowercased()))
            return try signer.sign(event).serializedBytes()
        }
    }
}
