#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Measures the disk under the broker's data directory: 4 KiB `pwrite` + `fdatasync`, as a
/// SQLite WAL commit does at least once. Every ACCEPTED and every claim waits for one such
/// commit, so its time is the floor of publish→deliver latency (two commits in a row), and on a
/// shared virtual disk it varies a lot: the benchmark prints it with its figures.
enum FsyncProbe {
    /// Median and 99th percentile of `samples` synced writes, in milliseconds (nil on failure).
    static func measure(in directory: URL, samples: Int = 100) -> (median: Double, p99: Double)? {
        let path = directory.appendingPathComponent("fsync-probe").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return nil }
        defer {
            close(descriptor)
            unlink(path)
        }
        let block = [UInt8](repeating: 0x5A, count: 4_096)
        var times: [Double] = []
        for index in 0..<samples {
            let start = MonotonicClock.now()
            let written = block.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(index % 16) * 4_096) }
            guard written == block.count, fdatasync(descriptor) == 0 else { return nil }
            times.append(Double(MonotonicClock.now() - start) / 1e6)
        }
        times.sort()
        return (times[times.count / 2], times[min(times.count - 1, times.count * 99 / 100)])
    }

    /// `fsync probe (4 KiB write + fdatasync in the data directory): median 0.41 ms, p99 1.20 ms`.
    static func describe(in directory: URL) -> String {
        guard let result = measure(in: directory) else { return "fsync probe: failed" }
        return String(format: "fsync probe (4 KiB pwrite + fdatasync next to the store, 100×): median %.2f ms, p99 %.2f ms",
                      result.median, result.p99)
    }
}
