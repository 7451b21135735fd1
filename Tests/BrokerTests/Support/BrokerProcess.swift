#if canImport(Glibc)
import Glibc
#endif
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
    /// Variables added to the broker's environment (kept by ``restarted()``).
    let extraEnvironment: [String: String]
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
    ///
    /// - Parameters:
    ///   - routes: the routes file (default ``routes``).
    ///   - fixedPort: listen on a free port chosen now and written into the configuration, so
    ///     that a restart on the same directory (``restarted()``) listens on the same endpoint
    ///     and the clients' sockets can reconnect to it; otherwise `*` (a new port per start).
    ///   - heartbeat: the `heartbeat:` section's body (default: interval 1 s).
    ///   - environment: variables added to the broker's environment (e.g. `LD_PRELOAD`).
    ///   - prepare: runs on the new directory before the first start (e.g. mounts a file
    ///     system on its `data` folder).
    convenience init(extraConfiguration: String = "", routes: String = BrokerProcess.routes, fixedPort: Bool = false,
                     heartbeat: String = "interval-ms: 1000", environment: [String: String] = [:],
                     prepare: (URL) throws -> Void = { _ in }) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbangd-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try prepare(directory)
        let root = Self.repositoryRoot.path
        try routes.write(to: directory.appendingPathComponent("routes.yaml"), atomically: true, encoding: .utf8)
        try Self.operators.write(to: directory.appendingPathComponent("operators.yaml"), atomically: true, encoding: .utf8)
        let port = fixedPort ? try Self.freePort() : nil
        try """
            adapter-endpoint: tcp://127.0.0.1:\(port.map(String.init) ?? "*")
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
              \(heartbeat)
            delivery:
              tick-ms: 50
            \(extraConfiguration)
            """.write(to: directory.appendingPathComponent("gerbang.yaml"), atomically: true, encoding: .utf8)
        try self.init(directory: directory, environment: environment)
        removesDirectory = true
    }

    /// Starts the broker on an existing directory (a restart after a crash reuses it; the port
    /// is chosen anew).
    init(directory: URL, arguments: [String]? = nil, workingDirectory: URL? = nil, environment: [String: String] = [:]) throws {
        self.directory = directory
        extraEnvironment = environment
        errorLog = directory.appendingPathComponent("gerbangd-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binDirectory.appendingPathComponent("gerbangd")
        process.arguments = arguments ?? ["--config", directory.appendingPathComponent("gerbang.yaml").path, "--log-level", "debug"]
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            // Through `env` (which execs gerbangd in the same process): gerbangd started
            // directly by this process with libfaketime in LD_PRELOAD sees no arguments.
            process.arguments = [process.executableURL!.path] + (process.arguments ?? [])
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        }
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

    /// A new broker process on the same directory (after ``kill9()`` or ``terminate(timeout:)``);
    /// it owns the directory from now on.
    func restarted() throws -> BrokerProcess {
        let next = try BrokerProcess(directory: directory, environment: extraEnvironment)
        next.removesDirectory = removesDirectory
        removesDirectory = false
        return next
    }

    /// A TCP port on 127.0.0.1 that is free now (bound with port 0, then closed).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BrokerTestError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        _ = inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw BrokerTestError("no free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// The resident set size of the broker process in bytes (`VmRSS` of `/proc/<pid>/status`).
    var residentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1_024
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
