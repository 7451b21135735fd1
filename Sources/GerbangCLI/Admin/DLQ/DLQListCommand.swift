import Admin
import ArgumentParser

/// `gerbang dlq list`: dead letters matching the filters, oldest first.
struct DLQListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List dead letters, oldest first.")

    @OptionGroup var connection: AdminConnectionOptions
    @OptionGroup var filter: DeadLetterFilterOptions

    @Option(help: "At most this many.")
    var limit = 100

    func run() throws {
        let request = AdminRequest(action: .dlqList, deadLetters: try filter.query(limit: limit))
        let letters = try connection.request(request, command: "dlq list").deadLetters ?? []
        if connection.output == .json { return AdminCLI.printJSON(letters) }
        guard !letters.isEmpty else { return print("no dead letters match") }
        print(DLQCommand.table(letters).joined(separator: "\n"))
    }
}
