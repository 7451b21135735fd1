import Foundation

/// A real `gerbangd` that a test or benchmark starts with a configuration file it wrote, once it
/// has printed its ready line (`gerbangd ready endpoint=… public-key=… metrics-port=…
/// admin-endpoint=…`).
///
/// Not `Sendable`: one test or benchmark owns it. Killed when released if still running (by its
/// ``ChildProcess``).
public final class GerbangdProcess {
    /// The running process (its log, signals, exit).
    public let child: ChildProcess
    /// The adapter endpoint it bound (`tcp://127.0.0.1:PORT`).
    public let endpoint: String
    /// Its CURVE public key (Z85).
    public let publicKey: String
    /// The port of its Prometheus `/metrics` endpoint, when it serves one.
    public let metricsPort: UInt16?
    /// Its admin endpoint, or `off`.
    public let adminEndpoint: String

    /// Starts `gerbangd --config <configuration> --log-level <logLevel>` (or `arguments`) and
    /// waits (at most `readyTimeout`) for its ready line; fails with what it printed and its log.
    ///
    /// - Parameters:
    ///   - directory: where its log goes (`<logName>.log`, default `gerbangd.log`); also its
    ///     working directory unless `workingDirectory` is given.
    ///   - environment: variables added to its environment (see ``ChildProcess``).
    public init(configuration: URL, directory: URL, logLevel: String = "debug", arguments: [String]? = nil,
                workingDirectory: URL? = nil, environment: [String: String] = [:], logName: String? = nil,
                readyTimeout: TimeInterval = 30) throws {
        child = try ChildProcess("gerbangd", arguments ?? ["--config", configuration.path, "--log-level", logLevel],
                                 directory: directory, workingDirectory: workingDirectory, environment: environment,
                                 logName: logName)
        let fields: [String: String]
        do {
            fields = try child.readyFields(prefix: "gerbangd ready", timeout: readyTimeout)
        } catch {
            _ = child.terminate()
            throw error
        }
        guard let endpoint = fields["endpoint"], let publicKey = fields["public-key"] else {
            _ = child.terminate()
            throw GerbangTestingError("gerbangd's ready line lacks its endpoint or key: \(fields)")
        }
        self.endpoint = endpoint
        self.publicKey = publicKey
        metricsPort = fields["metrics-port"].flatMap { UInt16($0) }
        adminEndpoint = fields["admin-endpoint"] ?? "off"
    }

    /// The process.
    public var process: Process { child.process }
}
