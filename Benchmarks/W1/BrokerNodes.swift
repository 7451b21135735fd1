import Foundation
import GerbangTesting

/// The brokers of one w1 measurement: one node on SQLite, or 1–2 nodes sharing a fresh
/// database of a throwaway PostgreSQL server (`--store postgres --nodes N`). The first node
/// creates the keys and PKI in the data directory the others share. Not `Sendable`: owned by the
/// main thread.
final class BrokerNodes {
    /// The storage engine of a measurement.
    enum Store: String {
        case sqlite
        case postgres
    }

    /// The nodes, `node-1` first.
    let nodes: [BrokerChild]
    /// The database URL (PostgreSQL).
    let databaseURL: String?

    /// The first node (it has the publisher).
    var first: BrokerChild { nodes[0] }
    /// The node subscriber `number` (0-based) connects to: spread over the nodes in turn.
    func node(forSubscriber number: Int) -> BrokerChild { nodes[(number + 1) % nodes.count] }

    /// Starts the nodes; `postgres` must be given for ``Store/postgres``.
    init(store: Store, count: Int, postgres: PostgresServer?, extraConfiguration: String) throws {
        switch store {
        case .sqlite:
            guard count == 1 else { throw BenchmarkError("--nodes 2 needs --store postgres (a SQLite file has one broker)") }
            databaseURL = nil
            nodes = [try BrokerChild(extraConfiguration: extraConfiguration + "\nnode:\n  id: w1-node-1\n")]
        case .postgres:
            guard let postgres else { throw BenchmarkError("no PostgreSQL server") }
            let url = postgres.url(database: try postgres.createDatabase(prefix: "w1"))
            databaseURL = url
            func configuration(_ node: Int) -> String {
                extraConfiguration + "\nstore:\n  backend: postgres\n  postgres-url: \(url)\nnode:\n  id: w1-node-\(node)\n"
            }
            let first = try BrokerChild(extraConfiguration: configuration(1))
            var nodes = [first]
            for node in stride(from: 2, through: count, by: 1) {
                nodes.append(try BrokerChild(extraConfiguration: configuration(node), sharing: first, node: node))
            }
            self.nodes = nodes
        }
    }

    /// Stops every node (the others before the first, which removes the shared folder).
    func stop() {
        for node in nodes.reversed() { node.stop() }
    }

    /// The last log lines of every node (printed when a round fails).
    var logTail: String {
        nodes.enumerated().map { number, node in
            "node-\(number + 1):\n" + node.logText.split(separator: "\n").suffix(10).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
