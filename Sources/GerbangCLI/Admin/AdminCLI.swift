import Admin
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shared output helpers of the admin commands. Stateless.
enum AdminCLI {
    /// Prints `gerbang <command>: <reason>: <message>` to stderr and returns the exit status:
    /// 3 forbidden by the role, 2 broker unreachable or key problems, 1 anything else.
    static func fail(_ command: String, _ error: AdminError) -> ExitCode {
        FileHandle.standardError.write(Data("gerbang \(command): \(error.reason.rawValue): \(error.message)\n".utf8))
        switch error.reason {
        case .forbidden: return ExitCode(3)
        case .unreachable, .key, .protocolError: return ExitCode(2)
        default: return ExitCode(1)
        }
    }

    /// Prints a value as pretty JSON.
    static func printJSON<Value: Encodable>(_ value: Value) {
        print(String(decoding: AdminJSON.encode(value, pretty: true), as: UTF8.self))
    }

    /// Whether standard output is a terminal (colour, width) and colour is not disabled (`NO_COLOR`).
    static var colourful: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The terminal's width when standard output is one, else nil (no shortening when piped).
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    /// `3.5` → `3.5`, `1234.0` → `1234`, `0` → `0`.
    static func rate(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A time as `2026-11-29 06:01:02 (3m20s ago)`.
    static func when(_ date: Date?) -> String {
        guard let date else { return "-" }
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let local = String(format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                           parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return "\(local) (\(AdminTime.humanDuration(max(0, Date().timeIntervalSince(date)))) ago)"
    }

    /// Parses a `--since`/`--older-than` duration or fails with a clear message.
    static func duration(_ text: String?, option: String) throws -> Double? {
        guard let text else { return nil }
        guard let seconds = AdminTime.parseDuration(text) else {
            throw ValidationError("\(option) takes a duration like 30s, 10m, 2h or 7d, not '\(text)'")
        }
        return seconds
    }
}
