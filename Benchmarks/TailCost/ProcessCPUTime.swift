import Foundation

/// CPU seconds (user + system, all threads) a process has used so far, from `/proc/<pid>/stat`
/// (fields 14 and 15, in clock ticks; `sysconf(_SC_CLK_TCK)` per second). Linux only; nil elsewhere.
enum ProcessCPUTime {
    static func seconds(of pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may contain spaces) start at field 3.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
