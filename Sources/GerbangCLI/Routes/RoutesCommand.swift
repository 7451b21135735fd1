import ArgumentParser

/// `gerbang routes`: the routes in force in the running broker (`show`, the default), and the
/// file tools: check the routes file and ask it where an event goes (`check`, `match`).
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Show the broker's routes in force; check Config/routes.yaml and show which subscriptions receive an event.",
        subcommands: [RoutesInForceCommand.self, RoutesCheckCommand.self, RoutesMatchCommand.self],
        defaultSubcommand: RoutesInForceCommand.self
    )
}
