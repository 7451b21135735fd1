import ArgumentParser
import Audit
import Foundation

/// `gerbang audit export`: writes a self-contained archive of part of the trail.
struct AuditExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records, checkpoints, certificates and CRLs to one self-contained archive file.",
        discussion: """
        The archive (JSON lines) carries the hash before its first record, every record of the \
        range, the checkpoints within it, the root, intermediate, agency and broker certificates, \
        the CRLs and the agencies file, so `gerbang audit verify --archive FILE` checks it on \
        another machine with nothing else. Exit status: 0 written, 2 error.
        """
    )

    @OptionGroup var options: AuditTrustOptions

    @Option(help: "First record index (default: the first kept record).")
    var from: Int64?

    @Option(help: "Last record index (default: the newest).")
    var to: Int64?

    @Option(help: "The archive file to write (replaced atomically).")
    var out: String

    func validate() throws {
        if let from, from < 1 { throw ValidationError("--from must be at least 1") }
        if let from, let to, to < from { throw ValidationError("--to must not be before --from") }
    }

    func run() throws {
        let storeDescription = options.storeDescription
        let (anchor, last) = try AuditCLI.run { () throws(AuditError) in
            let source = try options.auditSource()
            let range: ClosedRange<Int64>? = (from != nil || to != nil) ? (from ?? 1)...(to ?? .max) : nil
            return try AuditArchive.export(from: source, range: range, trust: try options.trustMaterial(),
                                           sourceDescription: storeDescription, to: URL(fileURLWithPath: out))
        }
        print("wrote \(out): records \(anchor.firstIndex)...\(last.map(String.init) ?? "(none)"), previous hash \(AuditChain.hex(anchor.previousHash))")
    }
}
