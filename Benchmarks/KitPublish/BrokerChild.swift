import Foundation
import GerbangTesting

/// A release `gerbangd` child process on 127.0.0.1 in development mode, with the shipped
/// `Config/` and a temporary data directory (removed at the end). Not `Sendable`: owned by the
/// benchmark's main task.
final class BrokerChild {
    let directory: URL
    /// The running broker and the fields of its ready line.
    let gerbangd: GerbangdProcess
    let endpoint: String
    let publicKey: String

    var process: Process { gerbangd.process }
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
        do {
            gerbangd = try GerbangdProcess(configuration: directory.appendingPathComponent("gerbang.yaml"), directory: directory,
                                           logLevel: "notice", readyTimeout: 60)
        } catch {
            throw BenchmarkError("\(error)")
        }
        endpoint = gerbangd.endpoint
        publicKey = gerbangd.publicKey
    }

    /// SIGTERM, wait (at most 20 s, then SIGKILL), remove the directory.
    func stop() {
        _ = gerbangd.child.terminate()
        try? FileManager.default.removeItem(at: directory)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
