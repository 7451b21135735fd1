import Foundation
import ZeroMQ

/// The CURVE public key of each agency, and the ZAP authorizer that maps a connecting client's
/// key to its agency id (the `User-Id` every message then carries). `Sendable`: an immutable
/// dictionary.
///
/// Keys come from `Config/agencies.yaml` (`curve-public-key`, Z85, per agency; the `Trust`
/// module's reader ignores that property) and, in development mode, from the generated files
/// `<dataDirectory>/curve/agencies/<id>.pub` for agencies without a configured key.
public struct AgencyCurveKeys: Sendable {
    /// Agency id by Z85 public key.
    public let agencyByPublicKey: [String: String]

    /// Creates the map.
    public init(agencyByPublicKey: [String: String]) {
        self.agencyByPublicKey = agencyByPublicKey
    }

    /// The agency of a client key, or nil (ZAP refusal `auth.unknown-key`).
    public func agency(of key: CurvePublicKey) -> String? { agencyByPublicKey[key.z85] }

    /// The authorizer for `Context.startZAPHandler`: allows known keys with their agency as
    /// User-Id, denies everything else with `auth.unknown-key`.
    public var authorizer: ZAPAuthorizer {
        let map = agencyByPublicKey
        return { request in
            guard request.mechanism == "CURVE", let key = request.clientPublicKey, let agency = map[key.z85] else {
                return .deny(reason: "auth.unknown-key")
            }
            return .allow(userID: agency)
        }
    }

    /// Reads the agency ids and their configured keys from the agencies file.
    static func readAgencies(path: String) throws(BrokerConfigurationError) -> [(id: String, key: String?)] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BrokerConfigurationError(.unreadable, "\(path): \(error.localizedDescription)")
        }
        let root = try YAMLSection.parse(text, file: path)
        guard let agencies = try root.section("agencies") else { return [] }
        var result: [(id: String, key: String?)] = []
        for id in agencies.keys {
            let entry = try agencies.section(id)
            result.append((id, try entry?.string("curve-public-key")))
        }
        return result
    }

    /// Loads the keys of every agency in `agenciesPath`; an agency without a configured key uses
    /// `<generatedDirectory>/<id>.pub` when that file exists (development mode).
    public static func load(agenciesPath: String, generatedDirectory: String?) throws(BrokerConfigurationError) -> AgencyCurveKeys {
        var map: [String: String] = [:]
        for (id, configured) in try readAgencies(path: agenciesPath) {
            var z85 = configured
            if z85 == nil, let generatedDirectory {
                let file = (generatedDirectory as NSString).appendingPathComponent("\(id).pub")
                z85 = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard let z85 else { continue }
            do {
                map[try CurvePublicKey(z85: z85).z85] = id
            } catch {
                throw BrokerConfigurationError(.invalidKey, "\(agenciesPath): the CURVE key of `\(id)` is not a Z85 public key")
            }
        }
        return AgencyCurveKeys(agencyByPublicKey: map)
    }
}
