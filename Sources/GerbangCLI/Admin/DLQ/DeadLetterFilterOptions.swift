import Admin
import ArgumentParser

/// The dead-letter selection shared by `gerbang dlq list|replay|purge`.
struct DeadLetterFilterOptions: ParsableArguments {
    @Option(help: "Only this subscription.")
    var subscription: String?

    @Option(help: ArgumentHelp("Only event types matching this glob, e.g. 'population.*'.", valueName: "glob"))
    var type: String?

    @Option(help: ArgumentHelp("Only this last failure reason code, e.g. consumer.rejected.", valueName: "code"))
    var reason: String?

    @Option(help: ArgumentHelp("Only dead letters at least this old (e.g. 1h).", valueName: "duration"))
    var olderThan: String?

    @Option(help: ArgumentHelp("Only dead letters at most this old (e.g. 10m).", valueName: "duration"))
    var newerThan: String?

    @Option(name: .customLong("id"), help: "Only this delivery id (repeatable).")
    var ids: [Int64] = []

    /// The query, with `limit` unless `--limit` is given by the command.
    func query(limit: Int, dryRun: Bool = false) throws -> DeadLetterQuery {
        DeadLetterQuery(subscription: subscription, type: type, reason: reason,
                        olderThanSeconds: try AdminCLI.duration(olderThan, option: "--older-than"),
                        newerThanSeconds: try AdminCLI.duration(newerThan, option: "--newer-than"),
                        deliveries: ids.isEmpty ? nil : ids, limit: limit, dryRun: dryRun)
    }
}
