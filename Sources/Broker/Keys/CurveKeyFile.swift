import Foundation
import ZeroMQ

/// Reads and writes CURVE key files: `<name>.key` holds the secret key and `<name>.pub` the
/// public key, each as one line of Z85. Secret key files are created with mode 0600.
public enum CurveKeyFile {
    /// Reads the key pair whose secret key is in `secretKeyPath`.
    public static func readKeyPair(secretKeyPath: String) throws(BrokerConfigurationError) -> CurveKeyPair {
        guard let text = try? String(contentsOfFile: secretKeyPath, encoding: .utf8) else {
            throw BrokerConfigurationError(.invalidKey, "\(secretKeyPath): cannot read the CURVE secret key (run with --dev to create one)")
        }
        do {
            return try CurveKeyPair(secretKey: CurveSecretKey(z85: text.trimmingCharacters(in: .whitespacesAndNewlines)))
        } catch {
            throw BrokerConfigurationError(.invalidKey, "\(secretKeyPath): not a Z85 CURVE secret key")
        }
    }

    /// Generates a key pair and writes `secretKeyPath` (0600) and the public key next to it
    /// (`.key` replaced by `.pub`), unless the secret key file exists. Returns whether it wrote.
    @discardableResult
    public static func createIfMissing(secretKeyPath: String) throws(BrokerConfigurationError) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: secretKeyPath) { return false }
        do {
            let pair = try CurveKeyPair.generate()
            let directory = (secretKeyPath as NSString).deletingLastPathComponent
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            guard manager.createFile(atPath: secretKeyPath, contents: Data((pair.secretKey.z85 + "\n").utf8),
                                     attributes: [.posixPermissions: 0o600]) else {
                throw BrokerConfigurationError(.unreadable, "\(secretKeyPath): cannot be written")
            }
            try (pair.publicKey.z85 + "\n").write(toFile: publicKeyPath(forSecretKeyPath: secretKeyPath), atomically: true, encoding: .utf8)
            return true
        } catch let error as BrokerConfigurationError {
            throw error
        } catch {
            throw BrokerConfigurationError(.unreadable, "\(secretKeyPath): \(error)")
        }
    }

    /// `x.key` → `x.pub`.
    public static func publicKeyPath(forSecretKeyPath path: String) -> String {
        ((path as NSString).deletingPathExtension as NSString).appendingPathExtension("pub") ?? path + ".pub"
    }
}
