import Broker
import Foundation
import Testing
import Trust
import ZeroMQ

@Suite struct AgencyCurveKeysTests {
    @Test func configuredKeysMapToAgenciesAndTrustStillReadsTheFile() throws {
        let pair = try CurveKeyPair.generate()
        let yaml = """
            agencies:
              dukcapil:
                name: Dukcapil
                curve-public-key: "\(pair.publicKey.z85)"
              kemensos:
                name: Kemensos
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agencies-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let keys = try AgencyCurveKeys.load(agenciesPath: path, generatedDirectory: nil)
        #expect(keys.agency(of: pair.publicKey) == "dukcapil")
        #expect(keys.agencyByPublicKey.count == 1)
        let stranger = try CurveKeyPair.generate().publicKey
        let request = { (key: CurvePublicKey) in
            ZAPRequest(domain: "gerbang", address: "127.0.0.1", routingID: [], mechanism: "CURVE", clientPublicKey: key)
        }
        #expect(keys.authorizer(request(pair.publicKey)) == .allow(userID: "dukcapil"))
        #expect(keys.authorizer(request(stranger)) == .deny(reason: "auth.unknown-key"))

        let directory = try AgencyDirectory(yaml: yaml)
        #expect(directory["dukcapil"]?.displayName == "Dukcapil")
    }

    @Test func invalidKeyIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agencies-\(UUID().uuidString).yaml").path
        try "agencies:\n  dukcapil:\n    name: D\n    curve-public-key: short\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try AgencyCurveKeys.load(agenciesPath: path, generatedDirectory: nil)
            Issue.record("accepted an invalid key")
        } catch {
            #expect(error.reason == .invalidKey)
        }
    }
}
