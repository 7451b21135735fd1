import ArgumentParser
import Foundation
import GerbangJSON

/// `gerbang canonicalize FILE`: prints the RFC 8785 canonical form of a JSON file.
///
/// The output is exactly the bytes that signatures are computed over, with no trailing newline.
/// A document that is not strict JSON, or has a number outside the double range, is reported on
/// stderr with its reason code and location, and the exit status is 1.
struct CanonicalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Print the RFC 8785 canonical form of a JSON file (no trailing newline)."
    )

    @Argument(help: "The JSON file to canonicalise ('-' reads standard input).")
    var file: String

    @Option(help: "Deepest allowed nesting of arrays and objects.")
    var maxDepth = JSONParser.Options().maxDepth

    @Option(help: "Largest accepted input in bytes.")
    var maxInputBytes = JSONParser.Options().maxInputBytes

    func validate() throws {
        guard maxDepth >= 0 else { throw ValidationError("--max-depth must be 0 or more") }
        guard maxInputBytes >= 0 else { throw ValidationError("--max-input-bytes must be 0 or more") }
    }

    func run() throws {
        let options = JSONParser.Options(maxDepth: maxDepth, maxInputBytes: maxInputBytes)
        let input: Data
        do {
            input = try readInput(limit: options.maxInputBytes)
        } catch {
            printError("\(file): cannot read: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let canonical: [UInt8]
        do {
            canonical = try JSONParser.parse(input, options: options).canonicalBytes()
        } catch let error as JSONParseError {
            printError("\(file): \(error)")
            throw ExitCode.failure
        } catch let error as JCSError {
            printError("\(file): \(error)")
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data(canonical))
    }

    /// Reads at most `limit + 1` bytes, so an oversized input is refused without reading it whole.
    private func readInput(limit: Int) throws -> Data {
        let handle = file == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
        defer { if file != "-" { try? handle.close() } }
        return try handle.read(upToCount: min(limit, Int.max - 1) + 1) ?? Data()
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data("gerbang canonicalize: \(message)\n".utf8))
    }
}
