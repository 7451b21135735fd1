import Admin
import ArgumentParser

/// `gerbang routes` / `gerbang routes show`: the routes the running broker has in force.
struct RoutesInForceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the routes in force in the running broker (the default of `gerbang routes`).")

    @OptionGroup var connection: AdminConnectionOptions

    func run() throws {
        guard let routes = try connection.request(AdminRequest(action: .routes), command: "routes").routes else {
            throw AdminCLI.fail("routes", AdminError(.protocolError, "no routes in the answer"))
        }
        if connection.output == .json { return AdminCLI.printJSON(routes) }
        print("routes in force (\(routes.path))")
        var publish = TextTable(headers: ["PUBLISHER", "TYPES"])
        publish.rows = routes.permissions.map { [$0.agency, $0.types.joined(separator: ", ")] }
        print(publish.render(maxWidth: AdminCLI.terminalWidth).joined(separator: "\n"))
        print("")
        var subscriptions = TextTable(headers: ["SUBSCRIPTION", "SUBSCRIBER", "TYPES", "ORDER", "ATTEMPTS", "LEASE"], rightAligned: [4])
        subscriptions.rows = routes.subscriptions.map {
            [$0.id, $0.subscriber, $0.types.joined(separator: ", ") + ($0.filtered ? " (filtered)" : ""), $0.ordering,
             String($0.maxAttempts), AdminTime.humanDuration($0.leaseSeconds)]
        }
        print(subscriptions.render(maxWidth: AdminCLI.terminalWidth).joined(separator: "\n"))
    }
}
