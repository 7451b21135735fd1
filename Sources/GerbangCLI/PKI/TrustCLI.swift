import ArgumentParser
import Foundation
import Trust

/// Helpers shared by the trust commands.
enum TrustCLI {
    /// Runs `body`; a `TrustError` is printed to stderr as `gerbang: <reason>: <message>` and
    /// becomes exit status `status` (default 2: configuration or input problem).
    static func trust<T>(status: Int32 = 2, _ body: () throws(TrustError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError(error.description)
            throw ExitCode(status)
        }
    }

    /// Writes `message` to stderr with the `gerbang:` prefix.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("gerbang: \(message)\n".utf8))
    }

    /// ISO 8601 in UTC.
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Reads a file, or stdin for `-`, at most `limit` bytes.
    static func read(_ path: String, limit: Int) throws(TrustError) -> [UInt8] {
        do {
            let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { if path != "-" { try? handle.close() } }
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw TrustError(.limitExceeded, "\(path) is larger than \(limit) bytes")
            }
            return Array(data)
        } catch let error as TrustError {
            throw error
        } catch {
            throw TrustError(.configuration, "cannot read \(path): \(error.localizedDescription)")
        }
    }
}
