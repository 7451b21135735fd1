import Foundation

/// A real process (gerbangd, the gateway), its stderr in a log file of the test's folder.
/// Killed when released if still running.
final class ChildProcess {
    let name: String
    let process = Process()
    let logFile: URL
    private let output = Pipe()

    /// The folder of the built executables (next to the test bundle, or `GERBANG_BIN_DIR`).
    static var binDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("gerbangd").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }

    /// Starts `executable` (a name in ``binDirectory``) with `arguments` in `directory`.
    init(_ executable: String, _ arguments: [String], directory: URL) throws {
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

    /// Waits (bounded) for a stdout line starting with `prefix`; its `key=value` fields.
    func readyFields(prefix: String, timeout: TimeInterval = 30) throws -> [String: String] {
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
        throw ChildProcessError(message: "\(name) did not become ready: \(text) \(log)")
    }

    /// SIGTERM, then waits (bounded); the exit status, or nil when it had to be killed.
    func terminate(timeout: TimeInterval = 20) -> Int32? {
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
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// A child process failed to start. `Sendable`: a string.
struct ChildProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
