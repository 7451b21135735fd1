import Foundation
import GerbangTesting

/// A release `gerbangd` started by the benchmark as a child process on 127.0.0.1, in development
/// mode (it creates the CURVE keys and the development PKI in a temporary data directory), with
/// the repository's shipped `Config/` (agencies, routes, schemas) and every other setting at its
/// default. Not `Sendable`: owned by the main thread, which starts and stops it.
final class BrokerChild {
    /// The temporary folder: `gerbang.yaml`, `data/`, `gerbangd.log`.
    let directory: URL
    /// The running broker and the fields of its ready line.
    let gerbangd: GerbangdProcess
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
    private var removesDirectory = true

    var process: Process { gerbangd.process }
    var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// The folder of the built executables: `GERBANG_BIN_DIR`, or the folder of `w1` itself.
    static var binDirectory: URL { ChildProcess.binDirectory }

    /// The repository root.
    static var repositoryRoot: URL { Repository.root }

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
        // `notice`: the default `info` adds nothing per accepted event, but one line per REJECTED
        // event, which would slow the baseline (malformed events) with log writes.
        do {
            gerbangd = try GerbangdProcess(configuration: configurationFile, directory: directory,
                                           logLevel: "notice", logName: first == nil ? "gerbangd" : "gerbangd-\(node)",
                                           readyTimeout: 60)
        } catch {
            throw BenchmarkError("\(error)")
        }
        endpoint = gerbangd.endpoint
        publicKey = gerbangd.publicKey
        metricsPort = gerbangd.metricsPort
    }

    /// Keeps the temporary folder after the run.
    func keepDirectory() { removesDirectory = false }

    /// The secret CURVE key file development mode created for `agency`.
    func curveSecretKeyPath(of agency: String) -> String {
        dataDirectory.appendingPathComponent("curve/agencies/\(agency).key").path
    }

    /// The broker's log (stderr).
    var logText: String { gerbangd.child.log }

    /// SIGTERM, then waits (at most 20 s, then SIGKILL); returns the exit status.
    @discardableResult
    func stop() -> Int32? { gerbangd.child.terminate() }

    deinit {
        if gerbangd.process.isRunning { gerbangd.child.kill9() }
        if removesDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}

/// A failure that ends the benchmark with a message.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
