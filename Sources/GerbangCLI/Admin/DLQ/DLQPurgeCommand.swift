import Admin
import ArgumentParser

/// `gerbang dlq purge`: delete dead letters.
struct DLQPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Delete dead letters; a dry run unless --yes.",
        discussion: "Needs the operator or admin role; the action is recorded. Exit status: 0 done, 3 the role does not allow it.")

    @OptionGroup var connection: AdminConnectionOptions
    @OptionGroup var filter: DeadLetterFilterOptions

    @Option(help: "At most this many.")
    var limit = 10_000

    @Flag(help: "Purge (without it: only show what would be purged).")
    var yes = false

    func run() throws {
        try DeadLetterChange.run(.dlqPurge, verb: "purge", connection: connection, filter: filter, limit: limit, yes: yes)
    }
}
