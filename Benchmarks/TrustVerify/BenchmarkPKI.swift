import Foundation
import Trust

/// A throw-away root CA, issuing CA and one agency certificate per key type, with CRLs in a
/// temporary folder: what the benchmark verifies against.
struct BenchmarkPKI {
    let directory: URL
    let configuration: TrustConfiguration
    let signers: [KeyType: PayloadSigner]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-trust-verify-\(UUID().uuidString)")
        let crlDirectory = directory.appendingPathComponent("crl")
        try FileManager.default.createDirectory(at: crlDirectory, withIntermediateDirectories: true)
        let rootKey = try PrivateKey.generate()
        var root = CertificateBuilder(subject: [("CN", "Benchmark Root CA")], publicKey: rootKey.publicKey, validForDays: 30)
        root.isCA = true
        root.keyUsage = "critical,keyCertSign,cRLSign"
        let rootCertificate = try root.sign(issuer: nil, issuerKey: rootKey)
        let issuerKey = try PrivateKey.generate()
        var issuer = CertificateBuilder(subject: [("CN", "Benchmark Issuing CA")], publicKey: issuerKey.publicKey, validForDays: 30)
        issuer.isCA = true
        issuer.pathLength = 0
        issuer.keyUsage = "critical,keyCertSign,cRLSign"
        let issuerCertificate = try issuer.sign(issuer: rootCertificate, issuerKey: rootKey)
        try CRLBuilder(entries: []).sign(issuer: issuerCertificate, issuerKey: issuerKey).pem()
            .write(to: crlDirectory.appendingPathComponent("issuing.crl.pem"), atomically: true, encoding: .utf8)

        var signers: [KeyType: PayloadSigner] = [:]
        for type in [KeyType.ecP256, .ed25519] {
            let key = try PrivateKey.generate(type)
            var leaf = CertificateBuilder(subject: [("CN", "dukcapil \(type.rawValue)")], publicKey: key.publicKey, validForDays: 30)
            leaf.uriSubjectAlternativeNames = ["urn:gerbang:agency:dukcapil"]
            let certificate = try leaf.sign(issuer: issuerCertificate, issuerKey: issuerKey)
            signers[type] = try PayloadSigner(key: key, certificate: certificate, chain: [issuerCertificate])
        }
        self.signers = signers
        configuration = TrustConfiguration(
            trustAnchors: [rootCertificate], intermediates: [issuerCertificate], crlDirectory: crlDirectory,
            agencies: AgencyDirectory([Agency(id: "dukcapil", displayName: "Dukcapil")])
        )
    }

    /// A typical event (about 600 bytes) from `dukcapil`, signed with the `type` key.
    func signedEvent(_ type: KeyType, serial: Int = 0) throws -> [UInt8] {
        let event = """
        {"specversion":"1.0","id":"bench-\(serial)","source":"urn:gerbang:agency:dukcapil",
         "type":"id.go.dukcapil.penduduk.alamat-berubah","time":"2026-11-29T02:00:00Z",
         "datacontenttype":"application/json",
         "data":{"nik":"3201010101010001","nama":"Siti Aminah","tanggal_lahir":"1990-01-31",
                 "alamat":{"jalan":"Jl. Merdeka No. 17","rt":3,"rw":7,"kelurahan":"Babakan",
                           "kecamatan":"Bogor Tengah","kota":"Bogor","provinsi":"Jawa Barat"},
                 "alasan":"pindah domisili","petugas":"op-0042"}}
        """
        return try signers[type]!.sign(event: Array(event.utf8))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
