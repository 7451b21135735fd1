import ArgumentParser
import Audit
import Foundation

/// `gerbang audit verify`: walks the chain, checks every checkpoint and agency signature, names
/// the first broken record.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the audit trail of a store or an archive; name the first broken record.",
        discussion: """
        Checks that the records follow each other without a gap, that each record's SHA-256 links \
        to the one before it, every accepted event's agency signature (at its acceptance time), \
        and every checkpoint's broker signature and head hash. Exit status: 0 intact, 1 a record \
        or checkpoint is broken (printed as `record N (kind): reason: detail`), 2 the store, \
        archive or trust material could not be read.
        """
    )

    @OptionGroup var options: AuditTrustOptions

    @Option(help: "Verify this archive (from `gerbang audit export`) instead of a store; it carries its own certificates and CRLs.")
    var archive: String?

    @Option(help: "With --archive: trust only this root CA certificate (PEM) instead of the root the archive carries.")
    var root: String?

    @Option(help: "A witness file (JSON lines of checkpoints); every line is checked like a stored checkpoint. Repeatable.")
    var witness: [String] = []

    @Option(help: "First record index to check (default: the first kept record).")
    var from: Int64?

    @Option(help: "Last record index to check (default: the newest).")
    var to: Int64?

    @Flag(help: "Skip agency and checkpoint signatures (chain and checkpoint heads only).")
    var noSignatures = false

    func validate() throws {
        if let from, from < 1 { throw ValidationError("--from must be at least 1") }
        if let from, let to, to < from { throw ValidationError("--to must not be before --from") }
    }

    func run() throws {
        let report = try AuditCLI.run { () throws(AuditError) -> AuditVerificationReport in
            let source: any AuditSource
            var trust: AuditTrustMaterial?
            if let archive {
                let loaded = try AuditArchive(contentsOf: URL(fileURLWithPath: archive))
                source = loaded
                trust = loaded.trust
                if let root {
                    guard let pem = try? String(contentsOfFile: root, encoding: .utf8) else {
                        throw AuditError(.configuration, "cannot read --root \(root)")
                    }
                    trust?.roots = [pem]
                }
            } else {
                source = try options.auditSource()
                trust = try options.trustMaterial()
            }
            if noSignatures { trust = nil }
            var witnessed: [AuditCheckpoint] = []
            for file in witness { witnessed += try AuditWitnessFile(url: URL(fileURLWithPath: file)).checkpoints() }
            if let trust { print("root of trust: SHA-256 \(try trust.rootThumbprints().joined(separator: ", "))") }
            return try AuditVerifier(trust: trust).verify(source, from: from, to: to, witnessed: witnessed)
        }
        print(AuditCLI.summary(of: report))
        if let finding = report.finding {
            TrustCLI.printError("audit trail BROKEN at \(finding)")
            throw ExitCode(1)
        }
        print("audit trail intact")
    }
}

extension AuditCLI {
    /// The lines `verify` prints before its verdict.
    static func summary(of report: AuditVerificationReport) -> String {
        var lines: [String] = []
        let anchor = report.anchor
        if anchor.firstIndex == 1 {
            lines.append("anchor: genesis (record 1)")
        } else {
            lines.append("anchor: record \(anchor.firstIndex), previous hash \(AuditChain.hex(anchor.previousHash))"
                         + (anchor.archive.isEmpty ? "" : ", earlier records in \(anchor.archive)"))
        }
        let range = report.firstIndex.map { "\($0)...\(report.lastIndex ?? $0)" } ?? "none"
        lines.append("records checked: \(report.recordsChecked) (\(range))")
        lines.append("event bodies checked: \(report.eventBodiesChecked)")
        lines.append("agency signatures checked: \(report.eventSignaturesChecked)")
        lines.append("checkpoints checked: \(report.checkpointsChecked)")
        if let head = report.headHash { lines.append("head hash: \(AuditChain.hex(head))") }
        lines += report.notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
