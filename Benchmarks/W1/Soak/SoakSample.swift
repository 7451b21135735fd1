import Foundation

/// One row of the soak's CSV: the broker process, its queues and the traffic of one interval.
struct SoakSample {
    /// Seconds since the soak's publishing started.
    var elapsed: Double
    /// gerbangd's resident set (`VmRSS` of `/proc/<pid>/status`), MiB.
    var rssMiB: Double
    /// The anonymous part of it (`RssAnon`: heap, stacks), MiB.
    var rssAnonMiB: Double
    /// The file-backed part of it (`RssFile`: the executable, libraries, mapped files), MiB.
    var rssFileMiB: Double
    /// gerbangd's open file descriptors (entries of `/proc/<pid>/fd`).
    var fds: Int
    /// gerbangd's threads (`Threads` of `/proc/<pid>/status`).
    var threads: Int
    /// The broker's queue depth: deliveries not yet acknowledged (ready + inflight + waiting,
    /// both subscriptions), from its `/metrics`; -1 when the scrape failed.
    var queueDepth: Int
    /// Dead-lettered deliveries (from `/metrics`; -1 when the scrape failed).
    var dead: Int
    /// w1's own view: deliveries of ACCEPTED events that the subscribers have not received yet
    /// (per subscriber at least 0: a DELIVER can arrive before the publisher has read the ACCEPTED).
    var w1Outstanding: Int
    /// Events ACCEPTED per second in the interval.
    var acceptedPerSecond: Double
    /// Events delivered per second in the interval (to both subscribers: the smaller count).
    var deliveredPerSecond: Double
    /// The largest lag of a send behind its schedule in the interval, milliseconds.
    var publisherLagMs: Double
    /// gerbangd's CPU in the interval, percent of one core.
    var brokerCPUPercent: Double
    /// Bytes of the store's files (`data/*.sqlite*`), MiB: it grows with the events kept
    /// (retention 7 days), by design.
    var storeMiB: Double
    /// w1's own resident set, MiB (its receive logs grow by 16 bytes per event, by design).
    var w1RSSMiB: Double
    /// The machine's 1-minute load average (the machine is shared).
    var load: Double

    static let csvHeader = "elapsed_s,rss_mib,rss_anon_mib,rss_file_mib,fds,threads,queue_depth,dead,w1_outstanding,accepted_per_s,delivered_per_s,"
        + "publisher_lag_max_ms,broker_cpu_pct,store_mib,w1_rss_mib,load1"

    var csvRow: String {
        String(format: "%.1f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%d,%.1f,%.1f,%.2f,%.1f,%.1f,%.1f,%.2f", elapsed, rssMiB, rssAnonMiB, rssFileMiB, fds, threads, queueDepth,
               dead, w1Outstanding, acceptedPerSecond, deliveredPerSecond, publisherLagMs, brokerCPUPercent, storeMiB,
               w1RSSMiB, load)
    }
}

/// Reads what `/proc` says of a process.
enum ProcessStatus {
    /// A `kB` or plain field of `/proc/<pid>/status` (`VmRSS`, `Threads`), or nil.
    static func field(_ name: String, of pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let value = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
            return value.flatMap { Double($0) }
        }
        return nil
    }

    /// Resident set in MiB (0 when unreadable): `VmRSS`, or another `kB` field such as `RssAnon`.
    static func rssMiB(of pid: Int32, field name: String = "VmRSS") -> Double { (field(name, of: pid) ?? 0) / 1_024 }

    /// Open file descriptors (-1 when unreadable).
    static func openDescriptors(of pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// The 1-minute load average (0 when unreadable).
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
    }

    /// MiB of the files in `directory` whose names contain `marker` (not recursive).
    static func mebibytes(in directory: URL, containing marker: String) -> Double {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var bytes = 0
        for name in names where name.contains(marker) {
            let size = (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size])
            bytes += (size as? Int) ?? 0
        }
        return Double(bytes) / 1_048_576
    }
}
