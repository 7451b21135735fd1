import Foundation
import GerbangTesting

/// The release `gerbangd` the benchmark measures: a child process on 127.0.0.1 in development
/// mode with a temporary data directory, one subscription (`tailcost`: kemensos/main receives
/// `population.death.registered`), the admin endpoint on a free port and the repository's
/// `Config/operators.yaml` (development mode creates the `admin` operator's key).
/// Not `Sendable`: owned by the main thread.
final class TailCostBroker {
    let directory: URL
    /// The running broker (GerbangTesting's process runner: log, ready line, stop).
    let child: ChildProcess
    let endpoint: String
    let adminEndpoint: String
    let publicKey: String

    var process: Process { child.process }
    var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// `GERBANG_BIN_DIR`, or the folder of this executable.
    static var binDirectory: URL { ChildProcess.binDirectory }

    /// The repository root.
    static var repositoryRoot: URL { Repository.root }

    init() throws {
        let executable = Self.binDirectory.appendingPathComponent("gerbangd")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TailCostError("no gerbangd at \(executable.path); build it first: swift build -c release --product gerbangd")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-tail-cost-\(UUID().uuidString.prefix(8))")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = Self.repositoryRoot.appendingPathComponent("Config").path
        try """
            version: 1
            publish:
              dukcapil: [population.**]
            subscriptions:
              - id: tailcost
                agency: kemensos
                adapter: main
                types: [population.death.registered]
            """.write(to: directory.appendingPathComponent("routes.yaml"), atomically: true, encoding: .utf8)
        try """
            adapter-endpoint: tcp://127.0.0.1:*
            admin-endpoint: tcp://127.0.0.1:*
            metrics-endpoint: "off"
            data-directory: \(directory.appendingPathComponent("data").path)
            development-mode: true
            paths:
              agencies: \(config)/agencies.yaml
              schemas: \(config)/schemas
              operators: \(config)/operators.yaml
              routes: \(directory.appendingPathComponent("routes.yaml").path)
            """.write(to: directory.appendingPathComponent("gerbang.yaml"), atomically: true, encoding: .utf8)
        child = try ChildProcess("gerbangd", ["--config", directory.appendingPathComponent("gerbang.yaml").path, "--log-level", "notice"],
                                 directory: directory)
        let fields: [String: String]
        do {
            fields = try child.readyFields(prefix: "gerbangd ready", timeout: 60)
        } catch {
            _ = child.terminate()
            throw TailCostError("\(error)")
        }
        guard let endpoint = fields["endpoint"], let admin = fields["admin-endpoint"], admin != "off",
              let key = fields["public-key"] else {
            _ = child.terminate()
            throw TailCostError("unexpected ready line: \(fields)")
        }
        self.endpoint = endpoint
        self.adminEndpoint = admin
        self.publicKey = key
    }

    /// SIGTERM, wait (at most 20 s, then SIGKILL), remove the directory.
    func stop() {
        _ = child.terminate()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A benchmark failure with its explanation.
struct TailCostError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
