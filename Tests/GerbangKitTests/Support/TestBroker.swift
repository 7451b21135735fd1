import Foundation
import GerbangKit
import Trust
import ZeroMQ

/// A real `gerbangd` on 127.0.0.1 (development mode, temporary data directory), for the
/// GerbangKit tests. The adapter endpoint has a fixed port so that a restarted broker is found
/// at the same address.
final class TestBroker {
    let directory: URL
    let port: UInt16
    private(set) var process: Process
    private(set) var publicKey = ""
    private var logURL: URL

    var endpoint: String { "tcp://127.0.0.1:\(port)" }
    var dataDirectory: URL { directory.appendingPathComponent("data") }

    static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("gerbangd").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

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
        """

    /// Writes a configuration into a new temporary directory and starts the broker.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbangkit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try Self.freePort()
        let root = Self.repositoryRoot.path
        try Self.routes.write(to: directory.appendingPathComponent("routes.yaml"), atomically: true, encoding: .utf8)
        try """
            adapter-endpoint: tcp://127.0.0.1:\(port)
            metrics-endpoint: 127.0.0.1:0
            data-directory: \(directory.appendingPathComponent("data").path)
            development-mode: true
            paths:
              agencies: \(root)/Config/agencies.yaml
              schemas: \(root)/Config/schemas
              routes: \(directory.appendingPathComponent("routes.yaml").path)
            heartbeat:
              interval-ms: 500
            delivery:
              tick-ms: 50
            """.write(to: directory.appendingPathComponent("gerbang.yaml"), atomically: true, encoding: .utf8)
        logURL = directory.appendingPathComponent("gerbangd.log")
        process = Process()
        try start()
    }

    /// Starts (or restarts) the process on the same directory and port.
    func start() throws {
        logURL = directory.appendingPathComponent("gerbangd-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binDirectory.appendingPathComponent("gerbangd")
        process.arguments = ["--config", directory.appendingPathComponent("gerbang.yaml").path, "--log-level", "debug"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: logURL)
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while !text.contains("\n") && Date() < deadline && process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("gerbangd ready") }) else {
            process.terminate()
            throw TestFailure("gerbangd did not start: \(text) \(log)")
        }
        for part in line.split(separator: " ") where part.hasPrefix("public-key=") {
            publicKey = String(part.dropFirst("public-key=".count))
        }
    }

    /// SIGKILL and wait.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// A client configuration for `agency`'s development keys.
    func configuration(agency: String, adapter: String = "main") throws -> GerbangClient.Configuration {
        let yaml = """
            endpoint: \(endpoint)
            agency: \(agency)
            adapter: \(adapter)
            data-directory: \(dataDirectory.path)
            connect-timeout-ms: 10000
            reconnect: {initial-ms: 50, max-ms: 500}
            publish-timeout-ms: 20000
            """
        return try GerbangClient.Configuration.load(yaml: yaml)
    }

    /// A free TCP port on 127.0.0.1 (bound and released).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TestFailure("bind failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
