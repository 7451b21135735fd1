#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// CPU time (user + system) of a process, to show where the cycles of a round went on a shared
/// machine: the broker's from `/proc/<pid>/stat`, the benchmark's own from `getrusage`.
enum ProcessCPU {
    /// Seconds of CPU `pid` has used so far (0 when `/proc` is unavailable).
    static func seconds(of pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Seconds of CPU this process has used so far (every thread).
    static func ownSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}

/// CPU used between two points, by the broker and by the benchmark.
struct CPUSample {
    let broker: Double
    let benchmark: Double

    /// Now, for the broker process `pid`.
    init(broker pid: Int32) {
        broker = ProcessCPU.seconds(of: pid)
        benchmark = ProcessCPU.ownSeconds()
    }

    /// CPU seconds of both processes together since `start`.
    func totalSeconds(since start: CPUSample) -> Double {
        (broker - start.broker) + (benchmark - start.benchmark)
    }

    /// `gerbangd 1.23 s (61 µs/event), w1 0.98 s`: the CPU used since `start` for `events`.
    func describe(since start: CPUSample, events: Int) -> String {
        let brokerSeconds = broker - start.broker
        return String(format: "CPU gerbangd %.2f s (%.0f µs/event), w1 %.2f s", brokerSeconds,
                      brokerSeconds / Double(max(events, 1)) * 1e6, benchmark - start.benchmark)
    }
}
