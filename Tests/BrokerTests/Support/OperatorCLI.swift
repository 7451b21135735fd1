import Foundation

/// Runs the built `gerbang` binary against a ``BrokerProcess``'s admin endpoint as one of its
/// test operators (`vera` viewer, `oscar` operator, `ada` admin). Output goes to files, so a
/// long tail never blocks on a full pipe.
final class OperatorCLI {
    let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    /// The connection options for `operatorName` (`--endpoint`, `--key`, `--server-key`).
    /// Options already in `arguments` are left out (the test's own value wins).
    static func connection(_ broker: BrokerProcess, as operatorName: String, except arguments: [String] = []) -> [String] {
        let options = [("--endpoint", broker.adminEndpoint),
                       ("--key", broker.dataDirectory.appendingPathComponent("curve/operators/\(operatorName).key").path),
                       ("--server-key", broker.publicKey)]
        // `--option=value`: a Z85 key may begin with "-", which would read as an option.
        return options.filter { !arguments.contains($0.0) }.map { "\($0.0)=\($0.1)" }
    }

    /// Starts `gerbang <arguments> <connection options>`.
    init(_ broker: BrokerProcess, as operatorName: String, _ arguments: [String]) throws {
        let directory = broker.directory.appendingPathComponent("cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutURL = directory.appendingPathComponent("stdout")
        stderrURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = BrokerProcess.binDirectory.appendingPathComponent("gerbang")
        process.arguments = arguments + Self.connection(broker, as: operatorName, except: arguments)
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    /// Runs to the end (bounded) and returns the exit status and outputs.
    static func run(_ broker: BrokerProcess, as operatorName: String, _ arguments: [String],
                    timeout: TimeInterval = 30) throws -> (status: Int32, stdout: String, stderr: String) {
        let cli = try OperatorCLI(broker, as: operatorName, arguments)
        return cli.wait(timeout: timeout)
    }

    /// Waits for the exit (killing it after `timeout`).
    func wait(timeout: TimeInterval = 30) -> (status: Int32, stdout: String, stderr: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return (process.terminationStatus, stdout, stderr)
    }

    /// What it printed so far.
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Each stdout line parsed as a JSON object (fails on a line that is not one).
    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw BrokerTestError("not a JSON object: \(line)")
            }
            return object
        }
    }

    /// stdout parsed as one JSON value.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
