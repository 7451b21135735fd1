import Foundation

/// Short commands a test runs to completion (`mount`, `initdb`, the `gerbang` CLI).
///
/// `Sendable`: a namespace without state.
public enum Command {
    /// Runs `executable` with `arguments` (in `workingDirectory` when given) and waits for it;
    /// returns its exit status and its standard output and error together. The output is read
    /// before waiting, so a command that writes more than a pipe holds cannot block.
    public static func run(_ executable: URL, _ arguments: [String], workingDirectory: URL? = nil) throws
        -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
