import Foundation

/// Command-line settings of the `w1` benchmark, with their defaults.
struct Settings {
    /// Measurement rounds of each phase.
    var rounds = 5
    /// Events per throughput round (and per baseline round).
    var events = 20_000
    /// Offered rate of the latency phase, events per second.
    var rate = 2_000
    /// Length of one latency round, seconds.
    var duration = 5.0
    /// Most published events not yet ACCEPTED/REJECTED in the throughput phase.
    var window = 2_000
    /// Most events in one PUBLISH.
    var batch = 64
    /// CREDIT each subscriber announces.
    var credit = 1_000
    /// Size the signed events are padded to, bytes (no padding when they are already as large).
    var eventBytes = 1_024
    /// Events of the warm-up before the first round.
    var warmUp = 2_000
    /// A YAML file appended to the broker's configuration (for tuning experiments).
    var extraConfigurationPath: String?
    /// Keep the broker's temporary directory (store, keys, log) after the run.
    var keep = false
    /// Compare throughput with the audit trail on and off (two brokers, alternating rounds).
    var compareAudit = false
    /// Compare throughput on SQLite, PostgreSQL with one node and with two nodes (same run).
    var compareStores = false
    /// The broker's store (`--store`): SQLite, or a throwaway PostgreSQL server w1 starts.
    var store = BrokerNodes.Store.sqlite
    /// Broker nodes sharing the store (`--nodes`, 2 only with PostgreSQL).
    var nodes = 1
    /// Soak for this many seconds instead of phases (a) and (b) (docs/benchmarks.md, soak).
    var soakSeconds: Double?
    /// The soak's CSV (default `w1-soak-<UTC time>.csv` in the current directory).
    var soakCSVPath: String?
    /// Seconds between two soak samples.
    var soakInterval = 10.0
    /// The soak's offered rate, events per second (default: half the rate measured at its start).
    var soakRate: Int?

    static let usage = """
        usage: w1 [--rounds N] [--events N] [--rate EVENTS_PER_S] [--duration SECONDS] [--window N]
                  [--batch N] [--credit N] [--event-bytes N] [--warm-up N] [--broker-config FILE] [--keep]
                  [--compare-audit] [--soak SECONDS [--soak-csv FILE] [--soak-interval SECONDS] [--soak-rate N]]
                  [--store sqlite|postgres] [--nodes 1|2] [--compare-stores]
          --rounds      measurement rounds of each phase (default 5)
          --events      events per throughput and baseline round (default 20000)
          --rate        offered rate of the latency phase in events/s (default 2000)
          --duration    seconds per latency round (default 5)
          --window      published events awaiting ACCEPTED in the throughput phase (default 2000)
          --batch       most events per PUBLISH (default 64, at most 256)
          --credit      CREDIT of each subscriber (default 1000)
          --event-bytes pad each signed event to this size (default 1024; unpadded
                        they are 1039 bytes: no padding)
          --warm-up     events published before the first round (default 2000)
          --broker-config  YAML appended to the broker's gerbang.yaml, e.g. `store: {max-batch-wait-ms: 0}`
                        (settings the generated file does not set; for tuning experiments)
          --keep        keep the temporary data directory (store, keys, broker log)
          --compare-audit  throughput only, with the audit trail on and off: two brokers,
                        alternating rounds, medians and their ratio (docs/benchmarks.md, audit-cost)
          --soak        instead of phases (a) and (b): measure the sustained throughput as in (a)
                        (default 3 rounds × 10000 events), then publish at half of it, paced by the
                        clock, for SECONDS, sampling gerbangd's RSS, open fds and queue depth
                        (docs/benchmarks.md, soak)
          --soak-csv    the soak's CSV, one row per sample (default w1-soak-<UTC time>.csv)
          --soak-interval  seconds between samples (default 10)
          --soak-rate   publish at this rate (events/s) instead of half the measured one
          --store       the broker's store: sqlite (default) or postgres (a throwaway PostgreSQL server
                        w1 starts on 127.0.0.1: initdb in a temporary folder, fsync on; needs the
                        postgresql package's binaries under /usr/lib/postgresql/*/bin)
          --nodes       gerbangd nodes sharing the store (default 1; 2 needs --store postgres): the
                        publisher at node 1, the subscribers spread over the nodes
          --compare-stores  throughput only, on SQLite, PostgreSQL with 1 node and PostgreSQL with
                        2 nodes in the same run: rounds, medians, ratios to SQLite (docs/benchmarks.md, cluster)
        Needs a release gerbangd next to w1: swift build -c release --product gerbangd
        """

    init(arguments: [String]) {
        var given: Set<String> = []
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            if flag == "--keep" {
                keep = true
                continue
            }
            if flag == "--compare-audit" {
                compareAudit = true
                continue
            }
            if flag == "--compare-stores" {
                compareStores = true
                continue
            }
            if flag == "--store" {
                guard let name = iterator.next(), let chosen = BrokerNodes.Store(rawValue: name) else {
                    Self.fail("expected sqlite or postgres after --store")
                }
                store = chosen
                continue
            }
            if flag == "--broker-config" {
                guard let path = iterator.next() else { Self.fail("expected a file after --broker-config") }
                extraConfigurationPath = path
                continue
            }
            if flag == "--soak-csv" {
                guard let path = iterator.next() else { Self.fail("expected a file after --soak-csv") }
                soakCSVPath = path
                continue
            }
            if flag == "--help" || flag == "-h" {
                print(Self.usage)
                exit(0)
            }
            guard let text = iterator.next(), let value = Double(text), value > 0 else {
                Self.fail("expected a positive number after \(flag)")
            }
            let integer = Int(value)
            given.insert(flag)
            switch flag {
            case "--rounds": rounds = integer
            case "--events": events = integer
            case "--rate": rate = integer
            case "--duration": duration = value
            case "--window": window = integer
            case "--batch": batch = integer
            case "--credit": credit = integer
            case "--event-bytes": eventBytes = integer
            case "--warm-up": warmUp = integer
            case "--soak": soakSeconds = value
            case "--soak-interval": soakInterval = value
            case "--soak-rate": soakRate = integer
            case "--nodes": nodes = integer
            default: Self.fail("unknown option \(flag)\n\(Self.usage)")
            }
        }
        if soakSeconds != nil {
            // The soak's short measurement of the maximum, unless given.
            if !given.contains("--rounds") { rounds = 3 }
            if !given.contains("--events") { events = 10_000 }
            guard soakInterval >= 1 else { Self.fail("--soak-interval must be at least 1 s") }
        }
        guard rounds >= 1, events >= 1, rate >= 1, window >= 1, credit >= 1, warmUp >= 1 else {
            Self.fail("values must be at least 1")
        }
        guard (1...2).contains(nodes) else { Self.fail("--nodes must be 1 or 2") }
        guard nodes == 1 || store == .postgres else { Self.fail("--nodes 2 needs --store postgres") }
        guard (1...256).contains(batch) else { Self.fail("--batch must be 1–256 (the broker's max-events-per-publish)") }
        guard window <= 10_000 else { Self.fail("--window must be at most 10000 (the broker's max-pending-publishes)") }
        guard (600...200_000).contains(eventBytes) else { Self.fail("--event-bytes must be 600–200000") }
    }

    /// The text of `--broker-config` (empty without it).
    func extraConfiguration() throws -> String {
        guard let extraConfigurationPath else { return "" }
        return try String(contentsOfFile: extraConfigurationPath, encoding: .utf8)
    }

    /// Events one latency round publishes.
    var latencyEvents: Int { max(1, Int((Double(rate) * duration).rounded())) }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("w1: \(message)\n".utf8))
        exit(2)
    }
}
