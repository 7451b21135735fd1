import Foundation
import GerbangTesting

/// A release `gerbangd` child process on 127.0.0.1 in development mode, with the shipped
/// `Config/` and a temporary data directory (removed at the end). Not `Sendable`: owned by the
/// benchmark's main task.
final class BrokerChild {
    let directory: URL
    /// The running broker (GerbangTesting's process runner: log, ready line, stop).
    let child: ChildProcess
    let endpoint: String
    let publicKey: String

    var process: Process { child.process }
    var dataDirectory: URL { directory.appendingPathComponent("data") }

    static var binDirectory: URL { ChildProcess.binDirectory }

    static var repositoryRoot: URL { Repository.root }

    init() throws {
        let executable = Self.binDirectory.appendingPathComponent("gerbangd")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchmarkError("no gerbangd at \(executable.path); build it first: swift build -c release --product gerbangd")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-kit-publish-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let dataDirectory = directory.appendingPathComponent("data")
        let config = Self.repositoryRoot.appendingPathComponent("Config").path
        try """
            adapter-endpoint: tcp://127.0.0.1:*
            metrics-endpoint: 127.0.0.1:0
            data-directory: \(dataDirectory.path)
            development-mode: true
            paths:
              agencies: \(config)/agencies.yaml
              routes: \(config)/routes.yaml
              schemas: \(config)/schemas
            """.write(to: directory.appendingPathComponent("gerbang.yaml"), atomically: true, encoding: .utf8)
        child = try ChildProcess("gerbangd", ["--config", directory.appendingPathComponent("gerbang.yaml").path, "--log-level", "notice"],
                                 directory: directory)
        let fields: [String: String]
        do {
            fields = try child.readyFields(prefix: "gerbangd ready", timeout: 60)
        } catch {
            _ = child.terminate()
            throw BenchmarkError("\(error)")
        }
        guard let endpoint = fields["endpoint"], let publicKey = fields["public-key"] else {
            _ = child.terminate()
            throw BenchmarkError("unexpected ready line: \(fields)")
        }
        self.endpoint = endpoint
        self.publicKey = publicKey
    }

    /// SIGTERM, wait (at most 20 s, then SIGKILL), remove the directory.
    func stop() {
        _ = child.terminate()
        try? FileManager.default.removeItem(at: directory)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
