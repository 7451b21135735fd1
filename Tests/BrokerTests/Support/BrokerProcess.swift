import Foundation

/// A real `gerbangd` process on 127.0.0.1 with a temporary data directory, started in
/// development mode (keys and PKI are created on first start).
final class BrokerProcess {
    let directory: URL
    let process: Process
    let endpoint: String
    let publicKey: String
    let metricsPort: UInt16?
    /// The admin endpoint (`admin-endpoint=` of the ready line), or `off`.
    let adminEndpoint: String
    private let errorLog: URL
    /// Removes `directory` when released (set for directories this type created).
    var removesDirectory = false

    var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// The folder of the built executables (next to the test bundle, or `GERBANG_BIN_DIR`).
    static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // `swift test` runs `<bin>/GerbangPackageTests.xctest` (a file on Linux).
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("gerbangd").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The test routes: dukcapil publishes population events, kemensos/main receives them with a
    /// fast retry policy.
    static let routes = """
        version: 1
        publish:
          dukcapil: [population.**]
          kemensos: [socialaid.**]
        subscriptions:
          - id: kemensos-population
            agency: kemensos
            adapter: main
            types: [population.**]
            retry: {max-attempts: 3, backoff-base: 50ms, backoff-cap: 200ms}
          - id: bpjs-deaths
            agency: bpjs-kesehatan
            adapter: kepesertaan
            types: [population.death.registered]
            order-by: partitionkey
        """

    /// The test operators of the admin endpoint, one per role (development mode creates their
    /// keys in `data/curve/operators/<name>.key`).
    static let operators = """
        operators:
          vera: {role: viewer}
          oscar: {role: operator}
          ada: {role: admin}
        """

    /// Creates a fresh directory with a configuration and routes, and starts the broker.
    convenience init(extraConfiguration: String = "") throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbangd-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let root = Self.repositoryRoot.path
        try Self.routes.write(to: directory.appendingPathComponent("routes.yaml"), atomically: true, encoding: .utf8)
        try Self.operators.write(to: directory.appendingPathComponent("operators.yaml"), atomically: true, encoding: .utf8)
        try """
            adapter-endpoint: tcp://127.0.0.1:*
            metrics-endpoint: 127.0.0.1:0
            admin-endpoint: tcp://127.0.0.1:*
            data-directory: \(directory.appendingPathComponent("data").path)
            development-mode: true
            paths:
              agencies: \(root)/Config/agencies.yaml
              schemas: \(root)/Config/schemas
              routes: \(directory.appendingPathComponent("routes.yaml").path)
              operators: \(directory.appendingPathComponent("operators.yaml").path)
            heartbeat:
              interval-ms: 1000
            delivery:
              tick-ms: 50
            \(extraConfiguration)
            """.write(to: directory.appendingPathComponent("gerbang.yaml"), atomically: true, encoding: .utf8)
        try self.init(directory: directory)
        removesDirectory = true
    }

    /// Starts the broker on an existing directory (a restart after a crash reuses it; the port
    /// is chosen anew).
    init(directory: URL, arguments: [String]? = nil, workingDirectory: URL? = nil) throws {
        self.directory = directory
        errorLog = directory.appendingPathComponent("gerbangd-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binDirectory.appendingPathComponent("gerbangd")
        process.arguments = arguments ?? ["--config", directory.appendingPathComponent("gerbang.yaml").path, "--log-level", "debug"]
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        self.process = process
        // Wait (bounded) for the ready line.
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while !text.contains("\n") && Date() < deadline && process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("gerbangd ready") }) else {
            process.terminate()
            throw BrokerTestError("gerbangd did not start: \(text) \((try? String(contentsOf: errorLog, encoding: .utf8)) ?? "")")
        }
        var fields: [String: String] = [:]
        for part in line.split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        endpoint = fields["endpoint"] ?? ""
        publicKey = fields["public-key"] ?? ""
        metricsPort = fields["metrics-port"].flatMap { UInt16($0) }
        adminEndpoint = fields["admin-endpoint"] ?? "off"
    }

    /// SIGKILL, and wait for the process to be gone.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait (bounded); returns the exit status.
    func terminate(timeout: TimeInterval = 20) -> Int32? {
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill9()
            return nil
        }
        return process.terminationStatus
    }

    /// The broker's log so far (for failure messages).
    var log: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if removesDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}

struct BrokerTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
