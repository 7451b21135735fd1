import ArgumentParser

/// `gerbang routes`: check the routes file and ask it where an event goes (`check`, `match`).
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Check Config/routes.yaml and show which subscriptions receive an event.",
        subcommands: [RoutesCheckCommand.self, RoutesMatchCommand.self]
    )
}
