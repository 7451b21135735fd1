import ArgumentParser

/// `gerbang audit`: checks and exports the broker's tamper-evident audit trail (`docs/audit.md`).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or export the tamper-evident audit trail.",
        subcommands: [AuditVerifyCommand.self, AuditExportCommand.self]
    )
}
