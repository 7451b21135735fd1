import Foundation

/// A release `gerbangd` child process on 127.0.0.1 in development mode, with the shipped
/// `Config/` and a temporary data directory (removed at the end). Not `Sendable`: owned by the
/// benchmark's main task.
final class BrokerChild {
    let directory: URL
    let process: Process
    let endpoint: String
    let publicKey: String

    var dataDirectory: URL { directory.appendingPathComponent("data") }

    static var binDirectory: URL {
        if let directory = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] { return URL(fileURLWithPath: directory) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

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
        let log = directory.appendingPathComponent("gerbangd.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--config", directory.appendingPathComponent("gerbang.yaml").path, "--log-level", "notice"]
        let output = Pipe()
        process.standardOutput = output
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
        for part in text.split(separator: "\n").first(where: { $0.hasPrefix("gerbangd ready") })?.split(separator: " ") ?? [] {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let endpoint = fields["endpoint"], let publicKey = fields["public-key"] else {
            process.terminate()
            throw BenchmarkError("gerbangd did not start: \(text) \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        self.endpoint = endpoint
        self.publicKey = publicKey
    }

    /// SIGTERM, wait (at most 20 s, then SIGKILL), remove the directory.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
