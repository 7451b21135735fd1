#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GerbangTesting

/// A real `gerbangd` process on 127.0.0.1 with a temporary data directory, started in
/// development mode (keys and PKI are created on first start): the broker tests' configuration
/// and routes around GerbangTesting's ``GerbangdProcess``.
final class BrokerProcess {
    let directory: URL
    /// The running broker and the fields of its ready line.
    let gerbangd: GerbangdProcess
    /// Variables added to the broker's environment (kept by ``restarted()``).
    let extraEnvironment: [String: String]
    /// Removes `directory` when released (set for directories this type created).
    var removesDirectory = false

    var child: ChildProcess { gerbangd.child }
    var process: Process { gerbangd.process }
    var endpoint: String { gerbangd.endpoint }
    var publicKey: String { gerbangd.publicKey }
    var metricsPort: UInt16? { gerbangd.metricsPort }
    /// The admin endpoint (`admin-endpoint=` of the ready line), or `off`.
    var adminEndpoint: String { gerbangd.adminEndpoint }
    var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// The folder of the built executables (next to the test bundle, or `GERBANG_BIN_DIR`).
    static var binDirectory: URL { ChildProcess.binDirectory }

    static var repositoryRoot: URL { Repository.root }

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
        try Self.writeRoutesAndOperators(routes, in: directory)
        let port = fixedPort ? try LocalPort.free() : nil
        try """
            \(Self.commonConfiguration(directory: directory, adapterPort: port))
            heartbeat:
              \(heartbeat)
            delivery:
              tick-ms: 50
            \(extraConfiguration)
            """.write(to: directory.appendingPathComponent("gerbang.yaml"), atomically: true, encoding: .utf8)
        try self.init(directory: directory, environment: environment)
        removesDirectory = true
    }

    /// Writes `routes` and the test ``operators`` into `directory` (`routes.yaml`, `operators.yaml`),
    /// where ``commonConfiguration(directory:adapterPort:)`` points.
    static func writeRoutesAndOperators(_ routes: String, in directory: URL) throws {
        try routes.write(to: directory.appendingPathComponent("routes.yaml"), atomically: true, encoding: .utf8)
        try operators.write(to: directory.appendingPathComponent("operators.yaml"), atomically: true, encoding: .utf8)
    }

    /// The top-level settings every test broker shares: adapter endpoint (`adapterPort`, or any
    /// free port), metrics and admin endpoints on 127.0.0.1, the data directory and development
    /// mode, the shipped agencies and schemas, and the routes and operators of `directory`.
    static func commonConfiguration(directory: URL, adapterPort: UInt16? = nil) -> String {
        let root = repositoryRoot.path
        return """
            adapter-endpoint: tcp://127.0.0.1:\(adapterPort.map(String.init) ?? "*")
            metrics-endpoint: 127.0.0.1:0
            admin-endpoint: tcp://127.0.0.1:*
            data-directory: \(directory.appendingPathComponent("data").path)
            development-mode: true
            paths:
              agencies: \(root)/Config/agencies.yaml
              schemas: \(root)/Config/schemas
              routes: \(directory.appendingPathComponent("routes.yaml").path)
              operators: \(directory.appendingPathComponent("operators.yaml").path)
            """
    }

    /// Starts the broker on an existing directory (a restart after a crash reuses it; the port
    /// is chosen anew) and waits (bounded) for its ready line. Its stderr goes to a log of its own
    /// in `directory`, so that a restart keeps the previous one.
    init(directory: URL, arguments: [String]? = nil, workingDirectory: URL? = nil, environment: [String: String] = [:]) throws {
        self.directory = directory
        extraEnvironment = environment
        gerbangd = try GerbangdProcess(
            configuration: directory.appendingPathComponent("gerbang.yaml"),
            directory: directory,
            arguments: arguments,
            workingDirectory: workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            environment: environment,
            logName: "gerbangd-\(UUID().uuidString.prefix(8))"
        )
    }

    /// A new broker process on the same directory (after ``kill9()`` or ``terminate(timeout:)``);
    /// it owns the directory from now on.
    func restarted() throws -> BrokerProcess {
        let next = try BrokerProcess(directory: directory, environment: extraEnvironment)
        next.removesDirectory = removesDirectory
        removesDirectory = false
        return next
    }

    /// The resident set size of the broker process in bytes.
    var residentBytes: Int? { child.residentBytes }

    /// SIGKILL, and wait for the process to be gone.
    func kill9() { child.kill9() }

    /// SIGTERM and wait (bounded); returns the exit status (nil: it had to be killed).
    func terminate(timeout: TimeInterval = 20) -> Int32? { child.terminate(timeout: timeout) }

    /// The broker's log so far (for failure messages).
    var log: String { child.log }

    deinit {
        if process.isRunning { child.kill9() }
        if removesDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}

struct BrokerTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
