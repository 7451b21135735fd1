import Admin
import ArgumentParser

/// `gerbang actions`: the operators' recorded state-changing actions (newest first).
struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "List the recorded admin actions (replays, purges, refusals), newest first.")

    @OptionGroup var connection: AdminConnectionOptions

    func run() throws {
        let actions = try connection.request(AdminRequest(action: .actions), command: "actions").actions ?? []
        if connection.output == .json { return AdminCLI.printJSON(actions) }
        var table = TextTable(headers: ["ID", "WHEN", "OPERATOR", "ROLE", "ACTION", "OUTCOME", "DETAIL"], rightAligned: [0])
        table.rows = actions.map {
            [String($0.id), AdminCLI.when($0.requestedAt), $0.operatorName, $0.role, $0.action, $0.outcome, $0.detail]
        }
        print(table.render(maxWidth: AdminCLI.terminalWidth).joined(separator: "\n"))
    }
}
