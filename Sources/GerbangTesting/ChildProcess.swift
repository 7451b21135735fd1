import Foundation

/// A real process that a test starts (gerbangd, an adapter, the bank simulator, the gateway),
/// its stderr in a log file of the test's folder. Killed when released if still running.
///
/// Not `Sendable`: one test owns it.
public final class ChildProcess {
    /// The executable's name.
    public let name: String
    /// The running process.
    public let process = Process()
    /// Where its stderr goes.
    public let logFile: URL
    private let output = Pipe()

    /// The folder of the built executables: `GERBANG_BIN_DIR` when set, else the test bundle's
    /// folder (or its parent) that holds `gerbangd` (`swift build --build-tests` builds them).
    public static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("gerbangd").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }

    /// Starts `executable` (a name in ``binDirectory``) with `arguments` in `directory`; its
    /// stderr goes to `<directory>/<executable>.log`.
    public init(_ executable: String, _ arguments: [String], directory: URL) throws {
        name = executable
        logFile = directory.appendingPathComponent("\(executable).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = Self.binDirectory.appendingPathComponent(executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
    }

    /// Waits (at most `timeout`) for a stdout line starting with `prefix` and returns its
    /// `key=value` fields; fails with the output and log when the process exits or stays silent.
    public func readyFields(prefix: String, timeout: TimeInterval = 30) throws -> [String: String] {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while Date() < deadline && process.isRunning {
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                var fields: [String: String] = [:]
                for part in line.split(separator: " ") {
                    let pair = part.split(separator: "=", maxSplits: 1)
                    if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
                }
                return fields
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        throw GerbangTestingError("\(name) did not become ready: \(text) \(log)")
    }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// SIGTERM, then waits (at most `timeout`); the exit status, or nil when it had to be killed.
    public func terminate(timeout: TimeInterval = 20) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// The log so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
