import Foundation
import Synchronization
import ZeroMQ

/// Samples the broker every interval on its own thread while the soak publishes, appends each
/// sample to the CSV (flushed row by row, so a cut-short run keeps its rows) and prints it.
///
/// `Sendable`: its inputs are `Sendable` (counters and receive logs are atomics or behind a
/// `Mutex`, the rest immutable values); the samples are behind a `Mutex`; the CSV handle is used
/// only by the sampler thread until ``stop()`` has joined it.
final class SoakSampler: Sendable {
    /// What the sampler reads.
    struct Sources: Sendable {
        var brokerPID: Int32
        var metricsPort: UInt16?
        var dataDirectory: URL
        var counters: SoakCounters
        var logs: [ReceiveLog]
        /// Distinct deliveries of each log before the soak started.
        var deliveredBefore: [Int]
    }

    private let samples = SampleList()
    private let stopFlag = StopFlag()
    private let thread: IOThread

    /// Creates the CSV (with its header) and starts sampling at once (the first row is the
    /// state before any soak event), then every `interval` seconds from `start` (monotonic ns).
    init(sources: Sources, interval: Double, start: UInt64, csv: URL) throws {
        guard FileManager.default.createFile(atPath: csv.path, contents: Data((SoakSample.csvHeader + "\n").utf8)) else {
            throw BenchmarkError("cannot create \(csv.path)")
        }
        let handle = try FileHandle(forWritingTo: csv)
        handle.seekToEndOfFile()
        let samples = self.samples
        let stopFlag = self.stopFlag
        thread = IOThread.start(name: "w1.soak-sampler") {
            var previous = Snapshot(sources: sources, at: start)
            var tick = 0
            var stopping = false
            while true {
                let sample = previous.sample(sources: sources, start: start, previous: previous)
                samples.rows.withLock { $0.append(sample.row) }
                handle.write(Data((sample.row.csvRow + "\n").utf8))
                print(String(format: "  soak %6.0f s: rss %.1f MiB, fds %d, queue depth %d (w1 %d), delivered %.0f/s,"
                             + " lag max %.1f ms, gerbangd CPU %.0f %%, store %.0f MiB, load %.2f",
                             sample.row.elapsed, sample.row.rssMiB, sample.row.fds, sample.row.queueDepth,
                             sample.row.w1Outstanding, sample.row.deliveredPerSecond, sample.row.publisherLagMs,
                             sample.row.brokerCPUPercent, sample.row.storeMiB, sample.row.load))
                fflush(nil)  // every output stream: the log is a file when run with nohup
                previous = sample.snapshot
                tick += 1
                let due = start + UInt64(Double(tick) * interval * 1e9)
                while !stopping && !stopFlag.isSet && MonotonicClock.now() < due {
                    MonotonicClock.sleep(nanoseconds: min(100_000_000, due &- MonotonicClock.now()))
                }
                if stopping { break }
                stopping = stopFlag.isSet
            }
            try? handle.close()
        }
    }

    /// Stops sampling after a last sample and waits for the thread; returns every sample.
    func stop() -> [SoakSample] {
        stopFlag.set()
        thread.join()
        return samples.rows.withLock { $0 }
    }

    /// The samples taken so far. `Sendable`: a `Mutex`.
    private final class SampleList: Sendable {
        let rows = Mutex<[SoakSample]>([])
    }

    /// Cumulative counters at one instant, to turn into per-interval rates.
    private struct Snapshot {
        var time: UInt64
        var accepted: Int
        var delivered: [Int]
        var brokerCPU: Double

        init(sources: Sources, at time: UInt64) {
            self.time = time
            accepted = sources.counters.accepted
            delivered = zip(sources.logs, sources.deliveredBefore).map { $0.distinct - $1 }
            brokerCPU = ProcessCPU.seconds(of: sources.brokerPID)
        }

        /// A sample now, with rates since `previous`.
        func sample(sources: Sources, start: UInt64, previous: Snapshot) -> (row: SoakSample, snapshot: Snapshot) {
            let now = MonotonicClock.now()
            let current = Snapshot(sources: sources, at: now)
            let seconds = max(Double(now &- previous.time) / 1e9, 1e-3)
            let pid = sources.brokerPID
            let queue = sources.metricsPort.flatMap { BrokerQueueDepth.scrape(port: $0) }
            let deliveredInInterval = zip(current.delivered, previous.delivered).map { $0 - $1 }.min() ?? 0
            let row = SoakSample(
                elapsed: Double(now &- start) / 1e9,
                rssMiB: ProcessStatus.rssMiB(of: pid),
                rssAnonMiB: ProcessStatus.rssMiB(of: pid, field: "RssAnon"),
                rssFileMiB: ProcessStatus.rssMiB(of: pid, field: "RssFile"),
                fds: ProcessStatus.openDescriptors(of: pid),
                threads: Int(ProcessStatus.field("Threads", of: pid) ?? -1),
                queueDepth: queue?.pending ?? -1,
                dead: queue?.dead ?? -1,
                w1Outstanding: current.delivered.map { max(0, current.accepted - $0) }.reduce(0, +),
                acceptedPerSecond: Double(current.accepted - previous.accepted) / seconds,
                deliveredPerSecond: Double(deliveredInInterval) / seconds,
                publisherLagMs: Double(sources.counters.takeLag()) / 1e6,
                brokerCPUPercent: (current.brokerCPU - previous.brokerCPU) / seconds * 100,
                storeMiB: ProcessStatus.mebibytes(in: sources.dataDirectory, containing: ".sqlite"),
                w1RSSMiB: ProcessStatus.rssMiB(of: getpid()),
                load: ProcessStatus.loadAverage())
            return (row, current)
        }
    }
}
