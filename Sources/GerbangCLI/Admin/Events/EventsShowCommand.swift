import Admin
import ArgumentParser

/// `gerbang events show ID`: the event (masked), its signature verdict and its delivery
/// history per subscriber.
struct EventsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an event, its signature verdict and its delivery history per subscriber.",
        discussion: "ID is the sequence number (as in `gerbang tail`), or the event's id together with --source.")

    @OptionGroup var connection: AdminConnectionOptions

    @Argument(help: "The sequence number, or the event id with --source.")
    var id: String

    @Option(help: "The event's source (with an event id).")
    var source: String?

    @Flag(help: "Show personal data unmasked (admin role only).")
    var unmask = false

    func run() throws {
        let query = source.map { EventQuery(source: $0, id: id) } ?? EventQuery(sequence: Int64(id))
        guard query.sequence != nil || query.source != nil else {
            throw ValidationError("'\(id)' is not a sequence number; give an event id together with --source")
        }
        guard let event = try connection.request(AdminRequest(action: .eventsShow, event: query, unmask: unmask),
                                                 command: "events show").event else {
            throw AdminCLI.fail("events show", AdminError(.protocolError, "no event in the answer"))
        }
        if connection.output == .json { return AdminCLI.printJSON(event) }
        let summary = event.summary
        let verdict = event.signature == "valid" ? "valid (signed by \(event.signedBy ?? "?"))"
            : "INVALID \(event.signature): \(event.signatureDetail ?? "")"
        print("""
            event       #\(summary.sequence) \(summary.type) from \(summary.agency)
            id          \(summary.id) (source \(summary.source))
            subject     \(summary.subject ?? "-")
            accepted    \(AdminCLI.when(summary.acceptedAt))
            signature   \(verdict)
            """)
        print("")
        for delivery in event.deliveries {
            print("delivery \(delivery.id) to \(delivery.subscription): \(delivery.state), attempt \(delivery.attempt)"
                  + (delivery.reason.map { ", last failure \($0)" } ?? ""))
            if !delivery.attempts.isEmpty { print(Self.attempts(delivery.attempts).map { "  " + $0 }.joined(separator: "\n")) }
        }
        if event.deliveries.isEmpty { print("no subscription receives this event") }
        print("")
        print(event.body)
    }

    /// Attempts as a table.
    static func attempts(_ attempts: [DeliveryReport.Attempt]) -> [String] {
        var table = TextTable(headers: ["ATTEMPT", "CONSUMER", "STARTED", "OUTCOME", "REASON"], rightAligned: [0])
        table.rows = attempts.map {
            [String($0.attempt), $0.consumer, AdminTime.clock($0.startedAt), $0.outcome ?? "in flight",
             [$0.reason, $0.detail].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")]
        }
        return table.render(maxWidth: AdminCLI.terminalWidth.map { $0 - 2 })
    }
}
