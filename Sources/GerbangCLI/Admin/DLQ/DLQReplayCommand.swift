import Admin
import ArgumentParser

/// `gerbang dlq replay`: re-queue dead letters with their attempt count reset.
struct DLQReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Re-queue dead letters (attempt count reset); a dry run unless --yes.",
        discussion: "Needs the operator or admin role; the action is recorded. Exit status: 0 done, 3 the role does not allow it.")

    @OptionGroup var connection: AdminConnectionOptions
    @OptionGroup var filter: DeadLetterFilterOptions

    @Option(help: "At most this many.")
    var limit = 10_000

    @Flag(help: "Replay (without it: only show what would be replayed).")
    var yes = false

    func run() throws {
        try DeadLetterChange.run(.dlqReplay, verb: "replay", connection: connection, filter: filter, limit: limit, yes: yes)
    }
}
