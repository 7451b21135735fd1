import Foundation

/// The release `gerbangd` the benchmark measures: a child process on 127.0.0.1 in development
/// mode with a temporary data directory, one subscription (`tailcost`: kemensos/main receives
/// `population.death.registered`), the admin endpoint on a free port and the repository's
/// `Config/operators.yaml` (development mode creates the `admin` operator's key).
/// Not `Sendable`: owned by the main thread.
final class TailCostBroker {
    let directory: URL
    let process: Process
    let endpoint: String
    let adminEndpoint: String
    let publicKey: String

    var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// `GERBANG_BIN_DIR`, or the folder of this executable.
    static var binDirectory: URL {
        if let directory = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] { return URL(fileURLWithPath: directory) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The repository root (this file is `Benchmarks/TailCost/TailCostBroker.swift`).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

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
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--config", directory.appendingPathComponent("gerbang.yaml").path, "--log-level", "notice"]
        let output = Pipe()
        process.standardOutput = output
        let log = directory.appendingPathComponent("gerbangd.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        self.process = process
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("\n") && Date() < deadline && process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        var fields: [String: String] = [:]
        for part in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let endpoint = fields["endpoint"], let admin = fields["admin-endpoint"], admin != "off",
              let key = fields["public-key"] else {
            process.terminate()
            throw TailCostError("gerbangd did not start: \(text)")
        }
        self.endpoint = endpoint
        self.adminEndpoint = admin
        self.publicKey = key
    }

    /// SIGTERM, wait, remove the directory.
    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A benchmark failure with its explanation.
struct TailCostError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
