import Admin
import ArgumentParser

/// `gerbang adapters`: the connected adapter sessions.
struct AdaptersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapters", abstract: "List the connected adapters: agency, version, last heartbeat, credit, in flight.")

    @OptionGroup var connection: AdminConnectionOptions

    func run() throws {
        let adapters = try connection.request(AdminRequest(action: .adapters), command: "adapters").adapters ?? []
        if connection.output == .json { return AdminCLI.printJSON(adapters) }
        guard !adapters.isEmpty else { return print("no adapter is connected") }
        var table = TextTable(headers: ["SESSION", "AGENCY", "ADAPTER", "VERSION", "HEARD", "CREDIT", "IN FLIGHT", "SUBSCRIPTIONS"],
                              rightAligned: [0, 5, 6])
        for adapter in adapters {
            table.rows.append([String(adapter.session), adapter.agency, adapter.adapter, adapter.version,
                               AdminTime.humanDuration(adapter.lastHeardSecondsAgo) + " ago", String(adapter.credit),
                               String(adapter.inFlight), adapter.subscriptions.joined(separator: ",")])
        }
        print(table.render(maxWidth: AdminCLI.terminalWidth).joined(separator: "\n"))
    }
}
