import Admin
import ArgumentParser

/// `gerbang dlq show ID`: one dead letter, its event's attributes and its attempts.
struct DLQShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one dead letter with its attempts.")

    @OptionGroup var connection: AdminConnectionOptions

    @Argument(help: "The delivery id (from `gerbang dlq list`).")
    var id: Int64

    @Flag(help: "Show personal data unmasked (admin role only).")
    var unmask = false

    func run() throws {
        let request = AdminRequest(action: .dlqShow, deadLetters: DeadLetterQuery(deliveries: [id], limit: 1), unmask: unmask)
        guard let letter = try connection.request(request, command: "dlq show").deadLetters?.first else {
            throw AdminCLI.fail("dlq show", AdminError(.notFound, "no dead letter \(id)"))
        }
        if connection.output == .json { return AdminCLI.printJSON(letter) }
        let event = letter.event
        print("""
            delivery      \(letter.delivery.id) (\(letter.delivery.subscription), \(letter.delivery.state))
            event         #\(event.sequence) \(event.type) from \(event.agency) (id \(event.id))
            subject       \(event.subject ?? "-")
            accepted      \(AdminCLI.when(event.acceptedAt))
            dead since    \(AdminCLI.when(letter.delivery.deadAt))
            reason        \(letter.delivery.reason ?? "-"): \(letter.delivery.detail ?? "")
            """)
        print(EventsShowCommand.attempts(letter.delivery.attempts).joined(separator: "\n"))
    }
}
