import Admin
import ArgumentParser

/// `gerbang dlq`: list, show, replay and purge dead letters.
struct DLQCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq", abstract: "List, show, replay and purge dead letters.",
        subcommands: [DLQListCommand.self, DLQShowCommand.self, DLQReplayCommand.self, DLQPurgeCommand.self])

    /// The dead letters as a table.
    static func table(_ letters: [DeadLetterReport]) -> [String] {
        var table = TextTable(headers: ["ID", "SUBSCRIPTION", "TYPE", "SEQ", "ATTEMPTS", "REASON", "DEAD FOR"], rightAligned: [0, 3, 4])
        table.rows = letters.map {
            [String($0.delivery.id), $0.delivery.subscription, $0.event.type, String($0.event.sequence),
             String($0.delivery.attempts.count), $0.delivery.reason ?? "-",
             $0.delivery.deadAt.map { AdminTime.humanDuration(max(0, $0.timeIntervalSinceNow * -1)) } ?? "-"]
        }
        return table.render(maxWidth: AdminCLI.terminalWidth)
    }
}
