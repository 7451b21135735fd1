import Foundation
import Trust

extension PayloadSigner {
    /// A signer from PEM files: the agency's private key, its certificate and optionally the
    /// chain after it (embedded in `x5c`; a missing chain file means no `x5c`).
    public static func load(keyFile: String, certificateFile: String, chainFile: String? = nil) throws(GerbangClientError) -> PayloadSigner {
        func bytes(_ path: String) throws(GerbangClientError) -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GerbangClientError(.configuration, "\(path): cannot be read")
            }
            return Array(data)
        }
        do {
            let key = try PrivateKey(pem: try bytes(keyFile))
            let certificate = try Certificate(pem: try bytes(certificateFile))
            var chain: [Certificate]?
            if let chainFile, FileManager.default.fileExists(atPath: chainFile) {
                chain = try Certificate.all(pem: try bytes(chainFile))
            }
            return try PayloadSigner(key: key, certificate: certificate, chain: chain)
        } catch let error as GerbangClientError {
            throw error
        } catch {
            throw GerbangClientError(.configuration, "signing credentials \(keyFile), \(certificateFile): \(error)")
        }
    }
}
