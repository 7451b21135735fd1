import Foundation

extension DevelopmentPKI {
    /// The URI SAN prefix that names a Gerbang broker (a service, not an agency).
    public static let brokerURNPrefix = "urn:gerbang:broker:"

    /// The folder of service (broker) keys and certificates.
    public var servicesDirectory: URL { directory.appendingPathComponent("services") }

    /// The files of the broker `name`'s checkpoint-signing credentials
    /// (`services/broker-<name>.cert.pem`, `.key.pem`, `.chain.pem`).
    public func brokerFiles(name: String) -> AgencyFiles {
        let base = servicesDirectory.appendingPathComponent("broker-\(name)")
        return AgencyFiles(
            certificate: base.appendingPathExtension("cert.pem"),
            key: base.appendingPathExtension("key.pem"),
            chain: base.appendingPathExtension("chain.pem")
        )
    }

    /// Issues an EC P-256 signing key and certificate for the broker `name`, bound by the URI SAN
    /// `urn:gerbang:broker:<name>` (no agency identity, so it can never sign events), keyUsage
    /// digitalSignature, issued by the development intermediate CA. The broker signs its audit
    /// checkpoints with it.
    @discardableResult
    public func issueBroker(name: String, validForDays days: Int = 365) throws(TrustError) -> AgencyFiles {
        guard Agency.isValidID(name) else {
            throw TrustError(.configuration, "broker name \"\(name)\" is not valid (a-z, 0-9, -)")
        }
        let (issuer, issuerKey) = try intermediateCA()
        let key = try PrivateKey.generate(.ecP256)
        var builder = CertificateBuilder(subject: [
            ("C", "ID"), ("O", "Gerbang"), ("CN", "\(name) broker audit signing"),
        ], publicKey: key.publicKey, validForDays: days)
        builder.uriSubjectAlternativeNames = [Self.brokerURNPrefix + name]
        let certificate = try builder.sign(issuer: issuer, issuerKey: issuerKey)
        do {
            try FileManager.default.createDirectory(at: servicesDirectory, withIntermediateDirectories: true)
        } catch {
            throw TrustError(.configuration, "cannot create \(servicesDirectory.path): \(error.localizedDescription)")
        }
        let files = brokerFiles(name: name)
        try DevelopmentPKI.write(key.pkcs8PEM(), to: files.key, secret: true)
        try DevelopmentPKI.write(certificate.pem(), to: files.certificate)
        try DevelopmentPKI.write(issuer.pem(), to: files.chain)
        return files
    }
}
