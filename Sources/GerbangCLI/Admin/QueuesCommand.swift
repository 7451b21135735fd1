import Admin
import ArgumentParser
import Foundation

/// `gerbang queues`: per subscription, ready, in flight, waiting for retry, dead, age of the
/// oldest and the delivery rate, then the nodes sharing the store (their leases and rates);
/// `--watch` redraws it.
struct QueuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "Show every subscription's queue: ready, in flight, waiting, dead, oldest, rate; and the nodes.",
        discussion: "With --watch the table is redrawn every --interval until Ctrl-C (or --count redraws).")

    @OptionGroup var connection: AdminConnectionOptions

    @Flag(help: "Redraw the table every --interval.")
    var watch = false

    @Option(help: "Seconds between redraws with --watch.")
    var interval: Double = 2

    @Option(help: "Stop after this many redraws with --watch (default: until Ctrl-C).")
    var count: Int?

    func validate() throws {
        guard interval >= 0.1 else { throw ValidationError("--interval must be at least 0.1 seconds") }
    }

    func run() throws {
        let client = try connection.connect(command: "queues")
        var drawn = 0
        repeat {
            let reply: AdminReply
            do {
                reply = try client.request(AdminRequest(action: .queues))
            } catch {
                throw AdminCLI.fail("queues", error)
            }
            let queues = reply.queues ?? []
            if connection.output == .json {
                AdminCLI.printJSON(queues)
            } else {
                let lines = Self.render(queues, width: AdminCLI.terminalWidth) + [""]
                    + NodeTable.render(reply.nodes, width: AdminCLI.terminalWidth)
                if watch {
                    let header = "gerbang queues  every \(AdminCLI.rate(interval))s  \(AdminTime.clock(Date()).prefix(8))"
                    print("\u{1B}[H\u{1B}[2J" + header + "\n" + lines.joined(separator: "\n"))
                } else {
                    print(lines.joined(separator: "\n"))
                }
            }
            fflush(nil)
            drawn += 1
            if watch && count.map({ drawn < $0 }) ?? true { Thread.sleep(forTimeInterval: interval) }
        } while watch && count.map({ drawn < $0 }) ?? true
    }

    /// The table, fitted to `width`.
    static func render(_ queues: [QueueReport], width: Int?) -> [String] {
        guard !queues.isEmpty else { return ["no subscription has deliveries"] }
        var table = TextTable(headers: ["SUBSCRIPTION", "READY", "IN FLIGHT", "WAITING", "DEAD", "OLDEST", "DELIVERED/S"],
                              rightAligned: [1, 2, 3, 4, 5, 6])
        table.rows = queues.map {
            [$0.subscription, String($0.ready), String($0.inFlight), String($0.waiting), String($0.dead),
             $0.ready + $0.inFlight + $0.waiting == 0 ? "-" : AdminTime.humanDuration($0.oldestAgeSeconds),
             AdminCLI.rate($0.deliveryRate)]
        }
        return table.render(maxWidth: width)
    }
}
