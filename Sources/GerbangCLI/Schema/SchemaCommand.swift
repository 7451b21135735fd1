import ArgumentParser

/// `gerbang schema`: the canonical message catalogue (`list`, `validate`).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Inspect the canonical message catalogue and validate events against it.",
        subcommands: [SchemaListCommand.self, SchemaValidateCommand.self]
    )
}
