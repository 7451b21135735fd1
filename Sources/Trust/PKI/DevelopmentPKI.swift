import Foundation

/// A development-only national PKI in a folder: a root CA, an intermediate CA that issues agency
/// certificates, their CRLs, and the agency keys and certificates issued so far.
///
/// Every CA subject says "DEVELOPMENT ONLY"; the CA keys are stored unencrypted (mode 0600). It
/// exists so that Gerbang can be run and tested end to end; production agencies get certificates
/// from the national CA. Layout (see docs/pki.md):
///
/// ```
/// DIR/root-ca.cert.pem              DIR/root-ca.key.pem
/// DIR/intermediate-ca.cert.pem      DIR/intermediate-ca.key.pem
/// DIR/crl/root-ca.crl.pem           DIR/crl/intermediate-ca.crl.pem
/// DIR/agencies/<id>.cert.pem        DIR/agencies/<id>.key.pem     DIR/agencies/<id>.chain.pem
/// DIR/servers/<name>.cert.pem    DIR/servers/<name>.key.pem      DIR/servers/<name>.chain.pem
/// DIR/revoked.tsv                   (one line per revocation: issuer, serial, unix time)
/// ```
///
/// Not `Sendable` by design: it is a command-line tool's view of files on disk.
public struct DevelopmentPKI {
    /// The default folder, relative to the repository root.
    public static let defaultDirectory = "Config/pki"
    /// Validity of the development root CA.
    public static let rootValidityDays = 3650
    /// Validity of the development intermediate CA.
    public static let intermediateValidityDays = 1825
    /// Validity of each CRL; regenerate (e.g. `gerbang pki revoke`, `gerbang pki crl`) before it lapses.
    public static let crlValidityDays = 30

    /// The folder.
    public let directory: URL

    /// Opens an existing development PKI.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The root CA certificate: the trust anchor.
    public var rootCertificateURL: URL { directory.appendingPathComponent("root-ca.cert.pem") }
    /// The root CA's private key (unencrypted, 0600).
    public var rootKeyURL: URL { directory.appendingPathComponent("root-ca.key.pem") }
    /// The agency issuing CA certificate.
    public var intermediateCertificateURL: URL { directory.appendingPathComponent("intermediate-ca.cert.pem") }
    /// The agency issuing CA's private key (unencrypted, 0600).
    public var intermediateKeyURL: URL { directory.appendingPathComponent("intermediate-ca.key.pem") }
    /// The folder of both CAs' CRLs.
    public var crlDirectory: URL { directory.appendingPathComponent("crl") }
    /// The folder of agency keys and certificates.
    public var agenciesDirectory: URL { directory.appendingPathComponent("agencies") }
    /// The folder of TLS server keys and certificates (e.g. the HTTP gateway's).
    public var serversDirectory: URL { directory.appendingPathComponent("servers") }
    var revocationsURL: URL { directory.appendingPathComponent("revoked.tsv") }

    /// The files of an agency's credentials.
    public struct AgencyFiles: Sendable {
        /// The agency's certificate.
        public let certificate: URL
        /// The agency's private key (PKCS#8 PEM).
        public let key: URL
        /// The certificates after the leaf (the intermediate CA), for `x5c` and for verifiers.
        public let chain: URL
    }

    /// The files of `agencyID`'s credentials.
    public func files(of agencyID: String) -> AgencyFiles {
        AgencyFiles(
            certificate: agenciesDirectory.appendingPathComponent("\(agencyID).cert.pem"),
            key: agenciesDirectory.appendingPathComponent("\(agencyID).key.pem"),
            chain: agenciesDirectory.appendingPathComponent("\(agencyID).chain.pem")
        )
    }

    /// Creates a new development root and intermediate CA with empty CRLs in `directory`.
    /// Refuses to overwrite an existing PKI unless `force` is set.
    @discardableResult
    public static func create(at directory: URL, force: Bool = false) throws(TrustError) -> DevelopmentPKI {
        let pki = DevelopmentPKI(directory: directory)
        if !force, FileManager.default.fileExists(atPath: pki.rootCertificateURL.path) {
            throw TrustError(.configuration, "\(directory.path) already holds a PKI (root-ca.cert.pem); use --force to replace it")
        }
        try pki.makeDirectories()
        let rootKey = try PrivateKey.generate(.ecP256)
        var root = CertificateBuilder(subject: [
            ("C", "ID"), ("O", "Gerbang Development PKI - DEVELOPMENT ONLY"),
            ("CN", "Gerbang Development National Root CA - NOT FOR PRODUCTION"),
        ], publicKey: rootKey.publicKey, validForDays: rootValidityDays)
        root.isCA = true
        root.pathLength = 1
        root.keyUsage = "critical,keyCertSign,cRLSign"
        let rootCertificate = try root.sign(issuer: nil, issuerKey: rootKey)

        let intermediateKey = try PrivateKey.generate(.ecP256)
        var intermediate = CertificateBuilder(subject: [
            ("C", "ID"), ("O", "Gerbang Development PKI - DEVELOPMENT ONLY"),
            ("CN", "Gerbang Development Agency Issuing CA - NOT FOR PRODUCTION"),
        ], publicKey: intermediateKey.publicKey, validForDays: intermediateValidityDays)
        intermediate.isCA = true
        intermediate.pathLength = 0
        intermediate.keyUsage = "critical,keyCertSign,cRLSign"
        let intermediateCertificate = try intermediate.sign(issuer: rootCertificate, issuerKey: rootKey)

        try write(rootKey.pkcs8PEM(), to: pki.rootKeyURL, secret: true)
        try write(rootCertificate.pem(), to: pki.rootCertificateURL)
        try write(intermediateKey.pkcs8PEM(), to: pki.intermediateKeyURL, secret: true)
        try write(intermediateCertificate.pem(), to: pki.intermediateCertificateURL)
        try write("", to: pki.revocationsURL)
        try pki.regenerateCRLs()
        return pki
    }

    /// Issues a new EC P-256 (or `keyType`) key and signing certificate for `agency`, bound to it
    /// by the URI SAN `urn:gerbang:agency:<id>` and the organizationIdentifier `<id>`, with keyUsage
    /// digitalSignature. Replaces earlier credentials of the agency (revoke those first).
    @discardableResult
    public func issue(agency: Agency, keyType: KeyType = .ecP256, validForDays days: Int = 365) throws(TrustError) -> AgencyFiles {
        let (issuer, issuerKey) = try intermediateCA()
        let key = try PrivateKey.generate(keyType)
        var builder = CertificateBuilder(subject: [
            // X.520 caps O and CN at 64 characters.
            ("C", "ID"), ("O", String(agency.displayName.prefix(64))), ("organizationIdentifier", agency.id),
            ("CN", "\(agency.id) message signing"),
        ], publicKey: key.publicKey, validForDays: days)
        builder.uriSubjectAlternativeNames = [AgencyIdentity.urn(agency.id)]
        let certificate = try builder.sign(issuer: issuer, issuerKey: issuerKey)
        try makeDirectories()
        let files = files(of: agency.id)
        try DevelopmentPKI.write(key.pkcs8PEM(), to: files.key, secret: true)
        try DevelopmentPKI.write(certificate.pem(), to: files.certificate)
        try DevelopmentPKI.write(issuer.pem(), to: files.chain)
        return files
    }

    /// The files of the TLS server credentials called `name`.
    public func serverFiles(of name: String) -> AgencyFiles {
        AgencyFiles(
            certificate: serversDirectory.appendingPathComponent("\(name).cert.pem"),
            key: serversDirectory.appendingPathComponent("\(name).key.pem"),
            chain: serversDirectory.appendingPathComponent("\(name).chain.pem")
        )
    }

    /// Issues a new EC P-256 key and TLS server certificate called `name` (e.g. `http-gateway`)
    /// for `hosts` (DNS names and IP addresses, e.g. `localhost` and `127.0.0.1`): subject
    /// alternative names for each, keyUsage digitalSignature, extendedKeyUsage serverAuth. It names
    /// no agency, so it can never sign events. Replaces earlier credentials of that name.
    @discardableResult
    public func issueServer(name: String, hosts: [String], validForDays days: Int = 365) throws(TrustError) -> AgencyFiles {
        guard Agency.isValidID(name) else { throw TrustError(.configuration, "a server name is lower-case letters, digits and -") }
        guard !hosts.isEmpty else { throw TrustError(.configuration, "a server certificate needs at least one host name or address") }
        let (issuer, issuerKey) = try intermediateCA()
        let key = try PrivateKey.generate(.ecP256)
        var builder = CertificateBuilder(subject: [
            ("C", "ID"), ("O", "Gerbang Development PKI - DEVELOPMENT ONLY"), ("CN", String(hosts[0].prefix(64))),
        ], publicKey: key.publicKey, validForDays: days)
        builder.extendedKeyUsage = "serverAuth"
        builder.ipSubjectAlternativeNames = hosts.filter(TLSConnection.isIPAddress)
        builder.dnsSubjectAlternativeNames = hosts.filter { !TLSConnection.isIPAddress($0) }
        let certificate = try builder.sign(issuer: issuer, issuerKey: issuerKey)
        try makeDirectories()
        do {
            try FileManager.default.createDirectory(at: serversDirectory, withIntermediateDirectories: true)
        } catch {
            throw TrustError(.configuration, "cannot create \(serversDirectory.path): \(error.localizedDescription)")
        }
        let files = serverFiles(of: name)
        try DevelopmentPKI.write(key.pkcs8PEM(), to: files.key, secret: true)
        try DevelopmentPKI.write(certificate.pem(), to: files.certificate)
        try DevelopmentPKI.write(issuer.pem(), to: files.chain)
        return files
    }

    /// Revokes `certificate` (issued by this PKI's intermediate or root CA) and regenerates the
    /// CRLs. Revoking twice is harmless.
    public func revoke(_ certificate: Certificate, at date: Date = Date()) throws(TrustError) {
        let issuerName = try issuerRole(of: certificate)
        var entries = try revocations()
        if !entries.contains(where: { $0.issuer == issuerName && $0.entry.serialHex == certificate.serialHex }) {
            entries.append((issuerName, CRLBuilder.Entry(serialHex: certificate.serialHex, revokedAt: date)))
        }
        let text = entries.map { "\($0.issuer)\t\($0.entry.serialHex)\t\(Int($0.entry.revokedAt.timeIntervalSince1970))\n" }.joined()
        try DevelopmentPKI.write(text, to: revocationsURL)
        try regenerateCRLs()
    }

    /// Signs fresh CRLs for both CAs from `revoked.tsv` into `crl/`.
    public func regenerateCRLs() throws(TrustError) {
        let entries = try revocations()
        let root = try Certificate(pem: readFile(rootCertificateURL))
        let rootKey = try PrivateKey(pem: readFile(rootKeyURL))
        let (intermediate, intermediateKey) = try intermediateCA()
        for (name, certificate, key) in [("root-ca", root, rootKey), ("intermediate-ca", intermediate, intermediateKey)] {
            let listed = entries.filter { $0.issuer == name }.map(\.entry)
            let crl = try CRLBuilder(entries: listed, validForDays: DevelopmentPKI.crlValidityDays).sign(issuer: certificate, issuerKey: key)
            let url = crlDirectory.appendingPathComponent("\(name).crl.pem")
            let temporary = crlDirectory.appendingPathComponent(".\(name).crl.pem.tmp")
            // Written aside and renamed, so that a verifier reloading the folder never reads half a CRL.
            try DevelopmentPKI.write(crl.pem(), to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw TrustError(.configuration, "cannot rename \(temporary.path) to \(url.path): errno \(errno)")
            }
        }
    }

    /// The intermediate CA's certificate and key.
    func intermediateCA() throws(TrustError) -> (Certificate, PrivateKey) {
        guard FileManager.default.fileExists(atPath: intermediateCertificateURL.path) else {
            throw TrustError(.configuration, "\(directory.path) holds no development PKI; run `gerbang pki init --dir \(directory.path)` first")
        }
        return (try Certificate(pem: readFile(intermediateCertificateURL)), try PrivateKey(pem: readFile(intermediateKeyURL)))
    }

    /// Which of this PKI's CAs issued `certificate` (and verifies its signature).
    func issuerRole(of certificate: Certificate) throws(TrustError) -> String {
        let (intermediate, _) = try intermediateCA()
        let root = try Certificate(pem: readFile(rootCertificateURL))
        for (name, ca) in [("intermediate-ca", intermediate), ("root-ca", root)] where certificate.issuer == ca.subject {
            if try certificate.isSigned(by: ca) { return name }
        }
        throw TrustError(.unknownCA, "\(certificate.subject) was not issued by the development CAs in \(directory.path)")
    }

    /// The revocations recorded so far.
    func revocations() throws(TrustError) -> [(issuer: String, entry: CRLBuilder.Entry)] {
        guard FileManager.default.fileExists(atPath: revocationsURL.path) else { return [] }
        let text = String(decoding: try readFile(revocationsURL), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let seconds = TimeInterval(fields[2]) else { return nil }
            return (String(fields[0]), CRLBuilder.Entry(serialHex: String(fields[1]), revokedAt: Date(timeIntervalSince1970: seconds)))
        }
    }

    func makeDirectories() throws(TrustError) {
        for url in [directory, crlDirectory, agenciesDirectory] {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw TrustError(.configuration, "cannot create \(url.path): \(error.localizedDescription)")
            }
        }
    }

    /// Writes `text` to `url`, readable only by the owner when `secret`.
    static func write(_ text: String, to url: URL, secret: Bool = false) throws(TrustError) {
        let attributes: [FileAttributeKey: Any] = [.posixPermissions: secret ? 0o600 : 0o644]
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: attributes) else {
            throw TrustError(.configuration, "cannot write \(url.path)")
        }
    }
}
