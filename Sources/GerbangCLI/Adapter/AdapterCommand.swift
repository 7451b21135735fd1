import ArgumentParser

/// `gerbang adapter`: tools for adapter authors (`new`).
struct AdapterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapter",
        abstract: "Create agency adapters built on GerbangKit.",
        subcommands: [AdapterNewCommand.self]
    )
}
