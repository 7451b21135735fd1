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

    /// Starts `executable` (a name in ``binDirectory``) with `arguments`; its stderr goes to
    /// `<directory>/<logName>.log` (default: the executable's name).
    ///
    /// - Parameters:
    ///   - workingDirectory: the process's current directory (default `directory`).
    ///   - environment: variables added to the inherited environment. When there are any, the
    ///     process is started through `/usr/bin/env`, which execs it in the same process: a
    ///     preloaded library (`LD_PRELOAD` of libfaketime) then sees its arguments, which it does
    ///     not when `Process` starts the executable directly.
    public init(_ executable: String, _ arguments: [String], directory: URL, workingDirectory: URL? = nil,
                environment: [String: String] = [:], logName: String? = nil) throws {
        name = executable
        logFile = directory.appendingPathComponent("\(logName ?? executable).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let path = Self.binDirectory.appendingPathComponent(executable)
        if environment.isEmpty {
            process.executableURL = path
            process.arguments = arguments
        } else {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [path.path] + arguments
        }
        process.currentDirectoryURL = workingDirectory ?? directory
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

    /// SIGKILL, and waits for the process to be gone.
    public func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The resident set size of the process in bytes (`VmRSS` of `/proc/<pid>/status`), nil once
    /// it has exited.
    public var residentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kilobytes * 1_024
    }

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
