import Admin
import Foundation
import Logging
import ZeroMQ

/// The operators of the admin endpoint (`Config/operators.yaml`): name → role and CURVE public
/// key, and the ZAP authorizer that admits their keys with the operator's name as User-Id.
///
/// ```yaml
/// operators:
///   siti:
///     role: operator                # viewer | operator | admin
///     curve-public-key: "…40 Z85…"  # optional in development mode
/// ```
/// In development mode an operator without `curve-public-key` gets a generated key pair in
/// `<data-directory>/curve/operators/<name>.key|.pub`; when the file is missing or lists no
/// operator, development mode uses one operator `admin` with the role `admin`.
///
/// `Sendable`: immutable dictionaries.
struct OperatorDirectory: Sendable {
    /// Role by operator name.
    let roles: [String: AdminRole]
    /// Operator name by Z85 public key.
    let operatorByKey: [String: String]

    /// The ZAP authorizer: known keys get in with their operator's name as User-Id.
    var authorizer: ZAPAuthorizer {
        let map = operatorByKey
        return { request in
            guard request.mechanism == "CURVE", let key = request.clientPublicKey, let name = map[key.z85] else {
                return .deny(reason: "auth.unknown-operator")
            }
            return .allow(userID: name)
        }
    }

    /// Reads the operators file (creating development keys first in development mode).
    static func load(_ configuration: BrokerConfiguration, logger: Logger) throws(BrokerConfigurationError) -> OperatorDirectory {
        let path = configuration.paths.operators
        var entries: [(name: String, role: AdminRole, key: String?)] = []
        if FileManager.default.fileExists(atPath: path) {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw BrokerConfigurationError(.unreadable, "\(path): \(error.localizedDescription)")
            }
            let root = try YAMLSection.parse(text, file: path)
            try root.requireOnly(["operators"])
            if let operators = try root.section("operators") {
                for name in operators.keys.sorted() {
                    guard let entry = try operators.section(name) else { continue }
                    try entry.requireOnly(["role", "curve-public-key"])
                    let roleText = try entry.string("role") ?? AdminRole.viewer.rawValue
                    guard let role = AdminRole(rawValue: roleText) else {
                        throw BrokerConfigurationError(.invalidValue, "\(path): `operators.\(name).role` must be viewer, operator or admin")
                    }
                    entries.append((name, role, try entry.string("curve-public-key")))
                }
            }
        } else if !configuration.developmentMode {
            logger.warning("no operators file; the admin endpoint admits nobody", metadata: ["path": "\(path)"])
        }
        if configuration.developmentMode && entries.isEmpty {
            entries = [("admin", .admin, nil)]
        }
        var roles: [String: AdminRole] = [:]
        var byKey: [String: String] = [:]
        for (name, role, configured) in entries {
            roles[name] = role
            var z85 = configured
            if z85 == nil && configuration.developmentMode {
                let secretPath = (configuration.operatorCurveKeyDirectory as NSString).appendingPathComponent("\(name).key")
                if try CurveKeyFile.createIfMissing(secretKeyPath: secretPath) {
                    logger.notice("created a development operator CURVE key pair", metadata: ["operator": "\(name)", "path": "\(secretPath)"])
                }
                z85 = (try? String(contentsOfFile: CurveKeyFile.publicKeyPath(forSecretKeyPath: secretPath), encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard let z85 else {
                logger.warning("operator has no curve-public-key; it cannot connect", metadata: ["operator": "\(name)"])
                continue
            }
            do {
                byKey[try CurvePublicKey(z85: z85).z85] = name
            } catch {
                throw BrokerConfigurationError(.invalidKey, "\(path): the CURVE key of operator `\(name)` is not a Z85 public key")
            }
        }
        return OperatorDirectory(roles: roles, operatorByKey: byKey)
    }
}
