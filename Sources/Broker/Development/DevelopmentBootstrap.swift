import Foundation
import Logging
import Trust

/// Development mode's first start: creates whatever is missing of the broker's CURVE key pair,
/// one CURVE key pair per agency without a configured key, and the development PKI with one
/// signing certificate per agency (and a TLS server certificate for the HTTP gateway), all under
/// the data directory, so that a fresh checkout runs. Never overwrites an existing file. Stateless.
public enum DevelopmentBootstrap {
    /// The development TLS server certificate issued for the HTTP gateway (Adapters/http-gateway),
    /// in `<pki>/servers/http-gateway.*.pem`, for `localhost` and `127.0.0.1`.
    public static let httpGatewayServerName = "http-gateway"

    /// Creates what is missing; logs each creation at `notice`.
    public static func run(_ configuration: BrokerConfiguration, logger: Logger) throws(BrokerConfigurationError) {
        if try CurveKeyFile.createIfMissing(secretKeyPath: configuration.brokerSecretKeyPath) {
            logger.notice("created the broker CURVE key pair", metadata: ["path": "\(configuration.brokerSecretKeyPath)"])
        }
        let agencies = try AgencyCurveKeys.readAgencies(path: configuration.paths.agencies)
        for (id, configured) in agencies where configured == nil {
            let path = (configuration.agencyCurveKeyDirectory as NSString).appendingPathComponent("\(id).key")
            if try CurveKeyFile.createIfMissing(secretKeyPath: path) {
                logger.notice("created a development CURVE key pair", metadata: ["agency": "\(id)", "path": "\(path)"])
            }
        }
        let directory = URL(fileURLWithPath: configuration.pkiDirectory)
        let pki = DevelopmentPKI(directory: directory)
        do {
            if !FileManager.default.fileExists(atPath: pki.rootCertificateURL.path) {
                _ = try DevelopmentPKI.create(at: directory)
                logger.notice("created the development PKI", metadata: ["directory": "\(directory.path)"])
            }
            let directory = try AgencyDirectory(contentsOf: URL(fileURLWithPath: configuration.paths.agencies))
            for agency in directory.agencies.values.sorted(by: { $0.id < $1.id })
            where !FileManager.default.fileExists(atPath: pki.files(of: agency.id).certificate.path) {
                _ = try pki.issue(agency: agency)
                logger.notice("issued a development signing certificate", metadata: ["agency": "\(agency.id)"])
            }
            if !FileManager.default.fileExists(atPath: pki.serverFiles(of: httpGatewayServerName).certificate.path) {
                _ = try pki.issueServer(name: httpGatewayServerName, hosts: ["localhost", "127.0.0.1"])
                logger.notice("issued a development TLS server certificate", metadata: ["server": "\(httpGatewayServerName)"])
            }
            if configuration.audit.enabled, configuration.audit.signingKey == nil,
               !FileManager.default.fileExists(atPath: configuration.auditSigningFiles.certificate) {
                _ = try pki.issueBroker(name: configuration.brokerName)
                logger.notice("issued a development audit checkpoint certificate", metadata: ["broker": "\(configuration.brokerName)"])
            }
        } catch {
            throw BrokerConfigurationError(.invalidKey, "development PKI in \(directory.path): \(error)")
        }
    }
}
