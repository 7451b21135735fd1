import Foundation
import Trust

/// A throw-away PKI for one test: a root CA, an intermediate CA, CRLs in a temporary folder, and
/// helpers to issue agency certificates with chosen defects.
final class TestPKI {
    let rootKey: PrivateKey
    let root: Certificate
    let intermediateKey: PrivateKey
    let intermediate: Certificate
    let directory: URL
    let agencies = AgencyDirectory([
        Agency(id: "dukcapil", displayName: "Dukcapil"),
        Agency(id: "kemensos", displayName: "Kementerian Sosial"),
        Agency(id: "bpjs-kesehatan", displayName: "BPJS Kesehatan"),
    ])
    private var revoked: [CRLBuilder.Entry] = []

    var crlDirectory: URL { directory.appendingPathComponent("crl") }

    init(name: String = "Test") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("crl"), withIntermediateDirectories: true)
        rootKey = try PrivateKey.generate()
        var rootBuilder = CertificateBuilder(subject: [("C", "ID"), ("CN", "\(name) Root CA")], publicKey: rootKey.publicKey, validForDays: 3650)
        rootBuilder.isCA = true
        rootBuilder.pathLength = 1
        rootBuilder.keyUsage = "critical,keyCertSign,cRLSign"
        root = try rootBuilder.sign(issuer: nil, issuerKey: rootKey)
        intermediateKey = try PrivateKey.generate()
        var intermediateBuilder = CertificateBuilder(subject: [("C", "ID"), ("CN", "\(name) Issuing CA")], publicKey: intermediateKey.publicKey, validForDays: 1825)
        intermediateBuilder.isCA = true
        intermediateBuilder.pathLength = 0
        intermediateBuilder.keyUsage = "critical,keyCertSign,cRLSign"
        intermediate = try intermediateBuilder.sign(issuer: root, issuerKey: rootKey)
        try writeCRL()
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Issues an agency signing certificate; the defaults make a valid one.
    func issue(
        agency: String = "dukcapil",
        keyType: KeyType = .ecP256,
        notBefore: Date = Date().addingTimeInterval(-3600),
        notAfter: Date = Date().addingTimeInterval(86_400 * 30),
        keyUsage: String? = "critical,digitalSignature",
        uriSANs: [String]? = nil,
        isCA: Bool = false
    ) throws -> (key: PrivateKey, certificate: Certificate) {
        let key = try PrivateKey.generate(keyType)
        var builder = CertificateBuilder(subject: [("C", "ID"), ("O", agency), ("CN", "\(agency) signing")], publicKey: key.publicKey)
        builder.notBefore = notBefore
        builder.notAfter = notAfter
        builder.keyUsage = keyUsage
        builder.isCA = isCA
        builder.uriSubjectAlternativeNames = uriSANs ?? ["urn:gerbang:agency:\(agency)"]
        return (key, try builder.sign(issuer: intermediate, issuerKey: intermediateKey))
    }

    /// Adds `certificate` to the intermediate's CRL and rewrites the CRL folder.
    func revoke(_ certificate: Certificate) throws {
        revoked.append(CRLBuilder.Entry(serialHex: certificate.serialHex, revokedAt: Date().addingTimeInterval(-60)))
        try writeCRL()
    }

    private func writeCRL() throws {
        let intermediateCRL = try CRLBuilder(entries: revoked).sign(issuer: intermediate, issuerKey: intermediateKey)
        try intermediateCRL.pem().write(to: crlDirectory.appendingPathComponent("intermediate.crl.pem"), atomically: true, encoding: .utf8)
        let rootCRL = try CRLBuilder(entries: []).sign(issuer: root, issuerKey: rootKey)
        try rootCRL.pem().write(to: crlDirectory.appendingPathComponent("root.crl.pem"), atomically: true, encoding: .utf8)
    }

    /// A configuration trusting this PKI's root, knowing its intermediate and `known` signers.
    func configuration(known: [Certificate] = [], crlPolicy: CRLPolicy = .leaf) -> TrustConfiguration {
        TrustConfiguration(
            trustAnchors: [root], intermediates: [intermediate], knownCertificates: known,
            crlDirectory: crlDirectory, crlPolicy: crlPolicy, agencies: agencies
        )
    }
}

/// Runs a command-line tool and returns its standard output; fails the test's `try` on a non-zero exit.
func run(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let output = Pipe()
    process.standardOutput = output
    let inputPipe = Pipe()
    if input != nil { process.standardInput = inputPipe }
    try process.run()
    if let input {
        inputPipe.fileHandleForWriting.write(Data(input))
        try inputPipe.fileHandleForWriting.close()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct Failed: Error { let status: Int32 }
    guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
    return Array(data)
}
