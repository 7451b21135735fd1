import ArgumentParser
import Routing

/// `gerbang routes check`: parse and check the routes as `gerbangd` would, and summarise them.
///
/// Run it before sending `SIGHUP`: a file it refuses is refused by the broker too.
struct RoutesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the routes file against the agencies and the catalogue, and summarise it.",
        discussion: "Exit status: 0 valid, 1 invalid routes (the error names its line and column), 2 agencies or catalogue unavailable."
    )

    @OptionGroup var file: RoutesFileOptions

    func run() throws {
        let table = try file.load(command: "routes check")
        print(Self.summary(table, path: file.routes))
    }

    /// `<path>: valid`, then one line per publishing agency and per subscription.
    private static func format(_ duration: Duration) -> String { DurationSyntax.format(duration) }

    static func summary(_ table: RouteTable, path: String) -> String {
        var lines = ["\(path): valid, \(table.permissions.count) publishing agencies, \(table.subscriptions.count) subscriptions"]
        for permission in table.permissions {
            lines.append("publish   \(permission.agency): \(permission.types.map(\.pattern).joined(separator: ", "))")
        }
        for subscription in table.subscriptions {
            let retry = subscription.retry
            lines.append(
                "subscribe \(subscription.id) → \(subscription.agency)/\(subscription.adapter): "
                    + subscription.types.map(\.pattern).joined(separator: ", ")
                    + (subscription.filter.isEmpty ? "" : " (filtered)")
                    + "; order-by \(subscription.ordering.rawValue); max-attempts \(retry.maxAttempts)"
                    + ", backoff \(format(retry.backoffBase))×\(retry.backoffFactor) ≤ \(format(retry.backoffCap))"
                    + ", lease \(format(retry.visibilityTimeout))")
        }
        return lines.joined(separator: "\n")
    }
}
