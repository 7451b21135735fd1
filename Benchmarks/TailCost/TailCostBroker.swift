import Foundation
import GerbangTesting

/// The release `gerbangd` the benchmark measures: a child process on 127.0.0.1 in development
/// mode with a temporary data directory, one subscription (`tailcost`: kemensos/main receives
/// `population.death.registered`), the admin endpoint on a free port and the repository's
/// `Config/operators.yaml` (development mode creates the `admin` operator's key).
/// Not `Sendable`: owned by the main thread.
final class TailCostBroker {
    let directory: URL
    /// The running broker and the fields of its ready line.
    let gerbangd: GerbangdProcess
    let endpoint: String
    let adminEndpoint: String
    let publicKey: String

    var process: Process { gerbangd.process }
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
        do {
            gerbangd = try GerbangdProcess(configuration: directory.appendingPathComponent("gerbang.yaml"), directory: directory,
                                           logLevel: "notice", readyTimeout: 60)
        } catch {
            throw TailCostError("\(error)")
        }
        guard gerbangd.adminEndpoint != "off" else {
            _ = gerbangd.child.terminate()
            throw TailCostError("gerbangd started without its admin endpoint")
        }
        endpoint = gerbangd.endpoint
        adminEndpoint = gerbangd.adminEndpoint
        publicKey = gerbangd.publicKey
    }

    /// SIGTERM, wait (at most 20 s, then SIGKILL), remove the directory.
    func stop() {
        _ = gerbangd.child.terminate()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A benchmark failure with its explanation.
struct TailCostError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
