import Foundation
import GerbangKit
import GerbangTesting
import Trust
import ZeroMQ

/// A real `gerbangd` on 127.0.0.1 (development mode, temporary data directory), for the
/// GerbangKit tests: their configuration around GerbangTesting's ``GerbangdProcess``. The adapter
/// endpoint has a fixed port so that a restarted broker is found at the same address.
final class TestBroker {
    let directory: URL
    let port: UInt16
    private(set) var gerbangd: GerbangdProcess
    var publicKey: String { gerbangd.publicKey }

    var endpoint: String { "tcp://127.0.0.1:\(port)" }
    var dataDirectory: URL { directory.appendingPathComponent("data") }

    static var repositoryRoot: URL { Repository.root }

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
        port = try LocalPort.free()
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
        gerbangd = try Self.launch(in: directory)
    }

    /// Starts (or restarts) the process on the same directory and port.
    func start() throws {
        gerbangd = try Self.launch(in: directory)
    }

    private static func launch(in directory: URL) throws -> GerbangdProcess {
        try GerbangdProcess(configuration: directory.appendingPathComponent("gerbang.yaml"), directory: directory,
                            logName: "gerbangd-\(UUID().uuidString.prefix(8))")
    }

    /// SIGKILL and wait.
    func kill9() { gerbangd.child.kill9() }

    var log: String { gerbangd.child.log }

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

    deinit {
        if gerbangd.process.isRunning { gerbangd.child.kill9() }
        try? FileManager.default.removeItem(at: directory)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
