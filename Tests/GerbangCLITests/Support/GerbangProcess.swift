import Foundation
import Testing

/// Shared by the CLI tests: runs the built `gerbang` binary (next to the test executable, or in `GERBANG_BIN_DIR`).
struct GerbangProcess {
    var status: Int32
    var stdout: Data
    var stderr: String

    static var binary: URL {
        if let directory = ProcessInfo.processInfo.environment["GERBANG_BIN_DIR"] {
            return URL(fileURLWithPath: directory).appendingPathComponent("gerbang")
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gerbang")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> GerbangProcess {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return GerbangProcess(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Writes `bytes` to a fresh temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "input.json") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}
