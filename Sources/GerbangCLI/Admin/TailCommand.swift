import Admin
import ArgumentParser
import Foundation

/// `gerbang tail`: follow what passes through the broker, filtered, masked by default.
struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Follow the broker live: accepted, rejected, delivered, acknowledged, retried, dead-lettered.",
        discussion: """
            One line per observation (colour on a terminal), or JSON lines with -o json. Personal data \
            (NIK-like numbers, names) is masked unless --unmask (admin role). A tail that reads too slowly \
            misses lines; the broker tells it how many ("missed N lines" on stderr). --where takes \
            comparisons joined by `and`: attr=value, attr!=value, attr~glob on type, source, subscription, \
            subscriber, subject, status, sequence, id, attempt, reason, delivery.
            """)

    @OptionGroup var connection: AdminConnectionOptions

    @Option(help: ArgumentHelp("Only event types matching this glob, e.g. 'population.*'.", valueName: "glob"))
    var type: String?

    @Option(help: ArgumentHelp("Only events published by this agency.", valueName: "agency"))
    var source: String?

    @Option(help: ArgumentHelp("Only deliveries to this subscription, agency or agency/adapter.", valueName: "name"))
    var subscriber: String?

    @Option(help: "Only events with this subject.")
    var subject: String?

    @Option(help: ArgumentHelp("Only these statuses (comma-separated): \(TailStatus.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "list"))
    var status: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("An expression on attributes, e.g. 'type~population.* and attempt!=1'.",
                                                           valueName: "expression"))
    var expression: String?

    @Option(help: ArgumentHelp("Replay the events accepted this long ago from the store first (e.g. 10m).", valueName: "duration"))
    var since: String?

    @Flag(help: "Replay every stored event first.")
    var fromStart = false

    @Flag(help: "Show personal data unmasked (admin role only).")
    var unmask = false

    @Option(help: "Exit after this many lines.")
    var maxLines: Int?

    @Option(help: ArgumentHelp("Exit after this long (e.g. 30s).", valueName: "duration"))
    var stopAfter: String?

    @Option(help: ArgumentHelp("Frames this client queues before the broker drops lines for it (ZMQ_RCVHWM).", valueName: "n"))
    var receiveQueue: Int32 = 1_000

    func run() throws {
        let filter = try makeFilter()
        let sinceSeconds = try AdminCLI.duration(since, option: "--since")
        let stopSeconds = try AdminCLI.duration(stopAfter, option: "--stop-after")
        let client = try connection.connect(command: "tail", receiveQueue: receiveQueue)
        let request = AdminRequest(action: .tail, tail: TailRequest(filter: filter, sinceSeconds: sinceSeconds, fromStart: fromStart),
                                   unmask: unmask)
        do {
            _ = try client.request(request)
        } catch {
            throw AdminCLI.fail("tail", error)
        }
        let renderer = TailLineRenderer(colour: AdminCLI.colourful, width: AdminCLI.terminalWidth)
        let deadline = stopSeconds.map { Date().addingTimeInterval($0) }
        var printed = 0
        var missedTotal = 0
        while maxLines.map({ printed < $0 }) ?? true {
            if let deadline, Date() >= deadline { break }
            let reply: AdminReply?
            do {
                reply = try client.receive(timeoutMilliseconds: 200)
            } catch {
                throw AdminCLI.fail("tail", error)
            }
            guard let reply else { continue }
            switch reply.kind {
            case .line:
                guard let line = reply.line else { continue }
                if connection.output == .json {
                    print(String(decoding: AdminJSON.encode(line), as: UTF8.self))
                } else {
                    print(renderer.render(line))
                }
                fflush(nil)
                printed += 1
            case .missed:
                guard let missed = reply.missed, missed > 0 else { continue }
                missedTotal += missed
                FileHandle.standardError.write(Data("gerbang tail: missed \(missed) lines (\(missedTotal) in all)\n".utf8))
            case .live, .response:
                continue
            }
        }
        try? client.send(AdminRequest(action: .tailStop))
    }

    private func makeFilter() throws -> TailFilter {
        var statuses: [TailStatus]?
        if let status {
            statuses = try status.split(separator: ",").map {
                guard let value = TailStatus(rawValue: String($0)) else {
                    throw ValidationError("--status: unknown status '\($0)'; known: \(TailStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            }
        }
        var where_: WhereExpression?
        if let expression {
            do {
                where_ = try WhereExpression(parsing: expression)
            } catch {
                throw ValidationError(error.message)
            }
        }
        return TailFilter(type: type.map(GlobPattern.init), source: source, subscriber: subscriber, subject: subject,
                          statuses: statuses, expression: where_)
    }
}
