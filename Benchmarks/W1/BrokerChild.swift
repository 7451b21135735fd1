import Foundation

/// A release `gerbangd` started by the benchmark as a child process on 127.0.0.1, in development
/// mode (it creates the CURVE keys and the development PKI in a temporary data directory), with
/// the repository's shipped `Config/` (agencies, routes, schemas) and every other setting at its
/// default. Not `Sendable`: owned by the main thread, which starts and stops it.
final class BrokerChild {
    /// The temporary folder: `gerbang.yaml`, `data/`, `gerbangd.log`.
    let directory: URL
    let process: Process
    /// The adapter endpoint it bound (`tcp://127.0.0.1:PORT`).
    let endpoint: String
    /// Its CURVE public key (Z85).
    let publicKey: String
    /// The port of its Prometheus `/metrics` endpoint on 127.0.0.1 (nil when its ready line had none).
    let metricsPort: UInt16?
    /// The configuration file it was started with (its text).
    let configuration: String
    /// The executable.
    let executable: URL
    private let log: URL
    private var removesDirectory = true

    var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// The folder of the built executables: `GERBANG_BIN_DIR`, or the folder of `w1` itself.
    static var binDirectory: URL {
        if let directory = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] { return URL(fileURLWithPath: directory) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The repository root (this file is `Benchmarks/W1/BrokerChild.swift`).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Writes the configuration (plus `extraConfiguration`, YAML appended to it) into a new
    /// temporary folder and starts the broker; returns once it printed its ready line (at most 60 s).
    ///
    /// With `sharing`, the broker is another node of that broker's cluster: same folder and data
    /// directory (keys, PKI), its own configuration file `gerbang-<node>.yaml` and log; the
    /// folder stays the first broker's to remove.
    init(extraConfiguration: String, sharing first: BrokerChild? = nil, node: Int = 1) throws {
        executable = Self.binDirectory.appendingPathComponent("gerbangd")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchmarkError("no gerbangd at \(executable.path); build it first: swift build -c release --product gerbangd")
        }
        if let first {
            directory = first.directory
            removesDirectory = false
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-w1-\(UUID().uuidString.prefix(8))")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = Self.repositoryRoot.appendingPathComponent("Config").path
        configuration = """
            # w1: the shipped Config/ with every other setting at its default (docs/configuration.md)
            adapter-endpoint: tcp://127.0.0.1:*
            metrics-endpoint: 127.0.0.1:0
            data-directory: \(directory.appendingPathComponent("data").path)
            development-mode: true
            paths:
              agencies: \(config)/agencies.yaml
              routes: \(config)/routes.yaml
              schemas: \(config)/schemas
            \(extraConfiguration)
            """
        let configurationFile = directory.appendingPathComponent(first == nil ? "gerbang.yaml" : "gerbang-\(node).yaml")
        try configuration.write(to: configurationFile, atomically: true, encoding: .utf8)
        log = directory.appendingPathComponent(first == nil ? "gerbangd.log" : "gerbangd-\(node).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        // `notice`: the default `info` adds nothing per accepted event, but one line per REJECTED
        // event, which would slow the baseline (malformed events) with log writes.
        process.arguments = ["--config", configurationFile.path, "--log-level", "notice"]
        process.currentDirectoryURL = directory
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
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("gerbangd ready") }) else {
            process.terminate()
            throw BenchmarkError("gerbangd did not start: \(text)\n\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        var fields: [String: String] = [:]
        for part in line.split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let endpoint = fields["endpoint"], let publicKey = fields["public-key"] else {
            process.terminate()
            throw BenchmarkError("unexpected ready line: \(line)")
        }
        self.endpoint = endpoint
        self.publicKey = publicKey
        metricsPort = fields["metrics-port"].flatMap { UInt16($0) }
    }

    /// Keeps the temporary folder after the run.
    func keepDirectory() { removesDirectory = false }

    /// The secret CURVE key file development mode created for `agency`.
    func curveSecretKeyPath(of agency: String) -> String {
        dataDirectory.appendingPathComponent("curve/agencies/\(agency).key").path
    }

    /// The broker's log (stderr).
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// SIGTERM, then waits (at most 20 s, then SIGKILL); returns the exit status.
    @discardableResult
    func stop() -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if removesDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}

/// A failure that ends the benchmark with a message.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
