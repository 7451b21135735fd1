import Admin
import ArgumentParser

/// `gerbang status`: the broker's version, uptime, store and rates.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the broker's version, uptime, store, rates and the nodes sharing its store.",
        discussion: "Exit status: 0 shown, 2 broker unreachable or key unreadable.")

    @OptionGroup var connection: AdminConnectionOptions

    func run() throws {
        let reply = try connection.request(AdminRequest(action: .status), command: "status")
        guard let status = reply.status else { throw AdminCLI.fail("status", AdminError(.protocolError, "no status in the answer")) }
        if connection.output == .json { return AdminCLI.printJSON(status) }
        let megabytes = Double(status.storeBytes) / 1_048_576
        let keys = ["published", "accepted", "rejected", "delivered", "acknowledged", "retried", "dead-lettered"]
        var table = TextTable(headers: ["COUNTER", "TOTAL", "PER SECOND"], rightAligned: [1, 2])
        for key in keys {
            table.rows.append([key, String(status.totals[key] ?? 0), AdminCLI.rate(status.rates[key] ?? 0)])
        }
        print("""
            broker     \(status.broker)\(status.node.map { "  node \($0)" } ?? "")
            operator   \(reply.operatorName ?? "?") (\(reply.role?.rawValue ?? "?"))
            started    \(AdminCLI.when(status.startedAt)), up \(AdminTime.humanDuration(status.uptimeSeconds))
            store      \(status.storePath), \(String(format: "%.1f", megabytes)) MiB, \(status.storeTransactions) transactions \
            (\(String(format: "%.1f", status.storeAverageBatch)) operations each)
            sessions   \(status.sessions)
            rates      over the last \(AdminTime.humanDuration(status.rateWindowSeconds))
            """)
        print(table.render(maxWidth: AdminCLI.terminalWidth).joined(separator: "\n"))
        print(NodeTable.render(status.nodes, width: AdminCLI.terminalWidth).joined(separator: "\n"))
    }
}
