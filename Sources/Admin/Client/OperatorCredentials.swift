import Foundation
import ZeroMQ

/// What the CLI needs to reach the admin endpoint: the endpoint, the operator's CURVE key pair
/// and the broker's public key, with where each came from (for error messages).
///
/// `Sendable`: values.
public struct OperatorCredentials: Sendable {
    /// The admin endpoint, e.g. `tcp://127.0.0.1:5561`.
    public var endpoint: String
    /// The operator's key pair.
    public var keyPair: CurveKeyPair
    /// The file the secret key came from.
    public var keyPath: String
    /// The broker's public key.
    public var serverKey: CurvePublicKey
    /// Where the server key came from (a file, or `--server-key`).
    public var serverKeySource: String

    /// Reads the operator's secret key file (one line of Z85) and the broker's public key, given
    /// either as 40 characters of Z85 or as a file holding them.
    public static func load(endpoint: String, keyPath: String, serverKey: String) throws(AdminError) -> OperatorCredentials {
        guard let secretText = try? String(contentsOfFile: keyPath, encoding: .utf8) else {
            throw AdminError(.key, "cannot read the operator key `\(keyPath)` (use --key, or GERBANG_OPERATOR_KEY; "
                             + "gerbangd --dev creates data/curve/operators/<name>.key)")
        }
        let keyPair: CurveKeyPair
        do {
            keyPair = try CurveKeyPair(secretKey: CurveSecretKey(z85: secretText.trimmingCharacters(in: .whitespacesAndNewlines)))
        } catch {
            throw AdminError(.key, "`\(keyPath)` does not hold a Z85 CURVE secret key")
        }
        var serverText = serverKey
        var source = "--server-key"
        if serverKey.count != 40 || FileManager.default.fileExists(atPath: serverKey) {
            guard let text = try? String(contentsOfFile: serverKey, encoding: .utf8) else {
                throw AdminError(.key, "cannot read the broker's public key `\(serverKey)` (use --server-key with the key or "
                                 + "its file, e.g. data/curve/broker.pub)")
            }
            serverText = text.trimmingCharacters(in: .whitespacesAndNewlines)
            source = serverKey
        }
        do {
            return OperatorCredentials(endpoint: endpoint, keyPair: keyPair, keyPath: keyPath,
                                       serverKey: try CurvePublicKey(z85: serverText), serverKeySource: source)
        } catch {
            throw AdminError(.key, "`\(source)` is not a Z85 CURVE public key")
        }
    }
}
