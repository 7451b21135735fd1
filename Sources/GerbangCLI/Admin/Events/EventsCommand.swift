import ArgumentParser

/// `gerbang events`: look at stored events.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Look at stored events.", subcommands: [EventsShowCommand.self])
}
