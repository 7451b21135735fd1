import Foundation

/// The audit trail (`audit` in the configuration; `docs/audit.md`, `docs/configuration.md`).
///
/// `Sendable`: numbers, flags and paths.
public struct AuditSettings: Sendable, Hashable {
    /// Whether accepted events, rejections, delivery outcomes and admin actions are appended to
    /// the hash-chained audit trail. Default `true`.
    public var enabled: Bool
    /// Sign a checkpoint once this many records were added since the last one. Default 10,000.
    public var checkpointEveryRecords: Int
    /// Sign a checkpoint at least this often while records are added, seconds. Default 60.
    public var checkpointIntervalSeconds: Int
    /// Also append every checkpoint as a JSON line to this file (an external witness: put it on
    /// storage the broker's operators cannot rewrite). Default none.
    public var witnessFile: String?
    /// The broker's checkpoint-signing key (PEM). Default none: `<pki>/services/broker-<broker-name>.key.pem`
    /// (created in development mode).
    public var signingKey: String?
    /// The broker's signing certificate (PEM, leaf first). Default none: `<pki>/services/broker-<broker-name>.cert.pem`.
    public var signingCertificate: String?
    /// The CA certificates after the leaf (PEM), put in each checkpoint's `x5c`. Default none:
    /// `<pki>/services/broker-<broker-name>.chain.pem`.
    public var signingChain: String?
    /// Records older than this are archived (exported to `archive-directory`) and then deleted;
    /// 0 keeps every record. Seconds. Default 0.
    public var retentionSeconds: Int
    /// Where retention writes its archives. Default none: `<data-directory>/audit-archive`.
    public var archiveDirectory: String?
    /// Also record every claim (`delivery.claimed`: consumer and node, attempts, lease deadlines)
    /// and every release of a consumer's leases (`delivery.released`), the evidence that no
    /// delivery was in flight at two nodes at once (`docs/deployment.md`). One more durable
    /// write per claim. Default `false`.
    public var recordClaims = false

    /// Creates settings; every argument defaults to the documented default.
    public init(enabled: Bool = true, checkpointEveryRecords: Int = 10_000, checkpointIntervalSeconds: Int = 60,
                witnessFile: String? = nil, signingKey: String? = nil, signingCertificate: String? = nil,
                signingChain: String? = nil, retentionSeconds: Int = 0, archiveDirectory: String? = nil) {
        self.enabled = enabled
        self.checkpointEveryRecords = checkpointEveryRecords
        self.checkpointIntervalSeconds = checkpointIntervalSeconds
        self.witnessFile = witnessFile
        self.signingKey = signingKey
        self.signingCertificate = signingCertificate
        self.signingChain = signingChain
        self.retentionSeconds = retentionSeconds
        self.archiveDirectory = archiveDirectory
    }

    static func parse(_ section: YAMLSection) throws(BrokerConfigurationError) -> AuditSettings {
        try section.requireOnly(["enabled", "checkpoint-every-records", "checkpoint-interval-seconds", "witness-file",
                                 "signing-key", "signing-certificate", "signing-chain", "retention-seconds",
                                 "archive-directory", "record-claims"])
        var settings = AuditSettings()
        settings.enabled = try section.bool("enabled") ?? settings.enabled
        settings.checkpointEveryRecords = try section.int("checkpoint-every-records", in: 1...100_000_000)
            ?? settings.checkpointEveryRecords
        settings.checkpointIntervalSeconds = try section.int("checkpoint-interval-seconds", in: 1...86_400)
            ?? settings.checkpointIntervalSeconds
        settings.witnessFile = try section.string("witness-file") ?? settings.witnessFile
        settings.signingKey = try section.string("signing-key") ?? settings.signingKey
        settings.signingCertificate = try section.string("signing-certificate") ?? settings.signingCertificate
        settings.signingChain = try section.string("signing-chain") ?? settings.signingChain
        settings.retentionSeconds = try section.int("retention-seconds", in: 0...3_153_600_000) ?? settings.retentionSeconds
        settings.archiveDirectory = try section.string("archive-directory") ?? settings.archiveDirectory
        settings.recordClaims = try section.bool("record-claims") ?? settings.recordClaims
        return settings
    }
}

extension BrokerConfiguration {
    /// The files of the broker's checkpoint-signing credentials (configured, or the development
    /// PKI's `services/broker-<broker-name>.*`).
    public var auditSigningFiles: (key: String, certificate: String, chain: String?) {
        let base = ((pkiDirectory as NSString).appendingPathComponent("services") as NSString)
            .appendingPathComponent("broker-\(brokerName)")
        return (audit.signingKey ?? base + ".key.pem", audit.signingCertificate ?? base + ".cert.pem",
                audit.signingChain ?? (audit.signingCertificate == nil ? base + ".chain.pem" : nil))
    }

    /// Where retention writes archives: `audit.archive-directory` or `<data-directory>/audit-archive`.
    public var auditArchiveDirectory: String {
        audit.archiveDirectory ?? (dataDirectory as NSString).appendingPathComponent("audit-archive")
    }
}
