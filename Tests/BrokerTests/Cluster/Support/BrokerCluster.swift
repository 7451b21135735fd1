import Foundation
import GerbangTesting

/// Several real `gerbangd` nodes on one PostgreSQL database (a throwaway ``PostgresServer``,
/// one fresh database): one directory with the routes, the operators and one configuration per
/// node (`gerbang-<n>.yaml`, `node.id` = `node-<n>`), and one data directory for the CURVE keys
/// and the development PKI they share (the first node creates them). Not `Sendable`: owned by
/// the test's thread.
final class BrokerCluster {
    let directory: URL
    let databaseURL: String
    /// The nodes, in order (`node-1` first); a killed node stays in the list.
    private(set) var nodes: [BrokerProcess] = []

    /// Writes the files and starts `count` nodes (the first alone, so that it creates the keys,
    /// then the others).
    /// `replacingDefaults` names the sections of the generated configuration that
    /// `extraConfiguration` gives instead (`heartbeat`, `delivery`).
    init(count: Int, routes: String, postgres: PostgresServer, extraConfiguration: String = "",
         replacingDefaults: Set<String> = [], listenReconnectMaxMilliseconds: Int = 5_000) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databaseURL = postgres.url(database: try postgres.createDatabase(prefix: "cluster"))
        try BrokerProcess.writeRoutesAndOperators(routes, in: directory)
        for number in 1...count {
            try """
                \(BrokerProcess.commonConfiguration(directory: directory))
                store:
                  backend: postgres
                  postgres-url: \(databaseURL)
                node:
                  id: node-\(number)
                  heartbeat-interval-ms: 500
                  stale-after-ms: 3000
                  listen-reconnect-max-ms: \(listenReconnectMaxMilliseconds)
                \(replacingDefaults.contains("heartbeat") ? "" : "heartbeat: {interval-ms: 1000}")
                \(replacingDefaults.contains("delivery") ? "" : "delivery: {tick-ms: 50}")
                \(extraConfiguration)
                """.write(to: configuration(of: number), atomically: true, encoding: .utf8)
        }
        nodes.append(try start(1))
        for number in stride(from: 2, through: count, by: 1) { nodes.append(try start(number)) }
    }

    /// The configuration file of node `number`.
    func configuration(of number: Int) -> URL { directory.appendingPathComponent("gerbang-\(number).yaml") }

    private func start(_ number: Int) throws -> BrokerProcess {
        try BrokerProcess(directory: directory,
                          arguments: ["--config", configuration(of: number).path, "--log-level", "info"])
    }

    /// Node `number` (1-based).
    func node(_ number: Int) -> BrokerProcess { nodes[number - 1] }

    /// SIGTERM to every running node (bounded); returns their exit statuses (nil: killed).
    func terminateAll() -> [Int32?] {
        nodes.filter { $0.process.isRunning }.map { $0.terminate() }
    }

    deinit {
        for node in nodes where node.process.isRunning { node.kill9() }
        try? FileManager.default.removeItem(at: directory)
    }
}
