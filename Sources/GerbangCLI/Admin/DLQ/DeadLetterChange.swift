import Admin
import ArgumentParser

/// The shared flow of `gerbang dlq replay` and `purge`: without `--yes` a dry run lists what
/// would change; with it the broker acts (operator or admin role) and records the action.
enum DeadLetterChange {
    static func run(_ action: AdminCommand, verb: String, connection: AdminConnectionOptions, filter: DeadLetterFilterOptions,
                    limit: Int, yes: Bool) throws {
        let command = "dlq \(verb)"
        if !yes {
            let dryRun = AdminRequest(action: action, deadLetters: try filter.query(limit: limit, dryRun: true))
            let reply = try connection.request(dryRun, command: command)
            let letters = reply.deadLetters ?? []
            if connection.output == .json {
                return AdminCLI.printJSON(DryRun(dryRun: true, count: letters.count, deadLetters: letters))
            }
            print("dry run: would \(verb) \(letters.count) dead letter\(letters.count == 1 ? "" : "s")")
            if !letters.isEmpty {
                print(DLQCommand.table(letters).joined(separator: "\n"))
                print("run again with --yes to \(verb) them")
            }
            return
        }
        let reply = try connection.request(AdminRequest(action: action, deadLetters: try filter.query(limit: limit)), command: command)
        let count = reply.count ?? 0
        if connection.output == .json { return AdminCLI.printJSON(Done(count: count, action: action.rawValue)) }
        print("\(verb == "replay" ? "replayed" : "purged") \(count) dead letter\(count == 1 ? "" : "s") (recorded as \(reply.operatorName ?? "?"))")
    }

    private struct DryRun: Encodable {
        var dryRun: Bool
        var count: Int
        var deadLetters: [DeadLetterReport]
    }

    private struct Done: Encodable {
        var count: Int
        var action: String
    }
}
