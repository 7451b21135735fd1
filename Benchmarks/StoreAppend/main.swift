// store-append: durable appends per second through SQLiteStore's group commit, against a
// baseline of one transaction (one fsync) per event, measured in the same run.
//
//     swift run -c release store-append [rounds=5] [events=20000] [baseline-events=2000]
//     swift run -c release store-append backlog [events=1000000]   (memory with a deep queue)
//
// Each event is ~1 KiB with 2 subscriptions (3 rows written per event plus the index entries).
// The database lives under $TMPDIR (must be a real disk, not tmpfs, for fsync to mean anything).
import Foundation
import Logging
import SQLiteStore
import Store

struct Scenario {
    let name: String
    let appenders: Int
    let events: Int
    let maxBatchSize: Int
    let maxBatchWait: Duration
}

struct RoundResult {
    let eventsPerSecond: Double
    let transactions: Int
    let p50Milliseconds: Double
    let p99Milliseconds: Double
}

/// A clock-sampled latency list (one entry per append).
final class LatencyRecorder: @unchecked Sendable {
    // `@unchecked Sendable`: `samples` is only touched while holding `lock`.
    private let lock = NSLock()
    private var samples: [Double] = []

    func record(_ milliseconds: Double) {
        lock.lock()
        samples.append(milliseconds)
        lock.unlock()
    }

    func percentile(_ fraction: Double) -> Double {
        lock.lock()
        defer { lock.unlock() }
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func body(size: Int, id: String) -> [UInt8] {
    let head = Array("{\"id\":\"\(id)\",\"data\":\"".utf8)
    return head + Array(repeating: UInt8(ascii: "a"), count: max(0, size - head.count - 2)) + Array("\"}".utf8)
}

func run(_ scenario: Scenario, round: Int) async throws -> RoundResult {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("gerbang-store-append-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var logger = Logger(label: "store-append")
    logger.logLevel = .warning
    let configuration = SQLiteStoreConfiguration(
        path: directory.appendingPathComponent("bench.sqlite").path,
        maxBatchSize: scenario.maxBatchSize,
        maxBatchWait: scenario.maxBatchWait
    )
    let store = try await SQLiteStore.open(configuration: configuration, logger: logger)
    let latencies = LatencyRecorder()
    let perAppender = scenario.events / scenario.appenders
    let started = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for appender in 0..<scenario.appenders {
            group.addTask {
                for index in 0..<perAppender {
                    let id = "r\(round)-a\(appender)-\(index)"
                    let event = NewEvent(
                        source: "urn:gerbang:agency:dukcapil",
                        id: id,
                        type: "population.death.registered",
                        subject: "death-certificate/\(index)",
                        partitionKey: "nik-\(index % 1000)",
                        time: "2027-01-15T08:00:00Z",
                        body: body(size: 1024, id: id),
                        acceptedAt: Date(),
                        subscriptions: ["bpjs/claims", "kemensos/bansos"]
                    )
                    let sent = ContinuousClock.now
                    _ = try await store.append(event)
                    let elapsed = sent.duration(to: .now)
                    latencies.record(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
                }
            }
        }
        try await group.waitForAll()
    }
    let elapsed = started.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let statistics = await store.writeStatistics()
    await store.close()
    return RoundResult(
        eventsPerSecond: Double(perAppender * scenario.appenders) / seconds,
        transactions: statistics.transactions,
        p50Milliseconds: latencies.percentile(0.50),
        p99Milliseconds: latencies.percentile(0.99)
    )
}

if CommandLine.arguments.dropFirst().first == "backlog" {
    let events = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000_000
    do {
        try await Backlog.run(events: max(1_000, events))
    } catch {
        FileHandle.standardError.write(Data("store-append backlog: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let rounds = arguments.count > 0 ? max(1, arguments[0]) : 5
let events = arguments.count > 1 ? max(64, arguments[1]) : 20_000
let baselineEvents = arguments.count > 2 ? max(8, arguments[2]) : 2_000

let scenarios = [
    Scenario(name: "baseline: 1 transaction per event, 8 appenders", appenders: 8, events: baselineEvents,
             maxBatchSize: 1, maxBatchWait: .zero),
    Scenario(name: "group commit, 8 appenders, wait 0", appenders: 8, events: events,
             maxBatchSize: 512, maxBatchWait: .zero),
    Scenario(name: "group commit, 8 appenders, wait 1 ms", appenders: 8, events: events,
             maxBatchSize: 512, maxBatchWait: .milliseconds(1)),
    Scenario(name: "group commit, 64 appenders, wait 0", appenders: 64, events: events,
             maxBatchSize: 512, maxBatchWait: .zero),
    Scenario(name: "group commit, 64 appenders, wait 1 ms", appenders: 64, events: events,
             maxBatchSize: 512, maxBatchWait: .milliseconds(1)),
]

print("store-append: durable SQLite appends (~1 KiB events, 2 subscriptions), \(rounds) rounds")
print("database under \(FileManager.default.temporaryDirectory.path); events per round: baseline \(baselineEvents), group commit \(events)")
// Rounds are interleaved (baseline, 8, 64, baseline, …) so that load drifting on a shared
// machine affects every scenario alike.
var rates = [[Double]](repeating: [], count: scenarios.count)
var p99s = [[Double]](repeating: [], count: scenarios.count)
do {
    for round in 0..<rounds {
        print("\nround \(round + 1)")
        for (index, scenario) in scenarios.enumerated() {
            let result = try await run(scenario, round: round)
            rates[index].append(result.eventsPerSecond)
            p99s[index].append(result.p99Milliseconds)
            let appended = scenario.events / scenario.appenders * scenario.appenders
            let batch = Double(appended) / Double(max(1, result.transactions))
            print(String(format: "  %9.0f events/s  %6d transactions (%5.1f events each)  p50 %6.2f ms  p99 %6.2f ms  ",
                         result.eventsPerSecond, result.transactions, batch,
                         result.p50Milliseconds, result.p99Milliseconds) + scenario.name)
        }
    }
} catch {
    FileHandle.standardError.write(Data("store-append: \(error)\n".utf8))
    exit(1)
}
print("\nmedians")
var medians: [String: Double] = [:]
for (index, scenario) in scenarios.enumerated() {
    medians[scenario.name] = median(rates[index])
    print(String(format: "  %9.0f events/s  (append latency p99 median %.2f ms)  ", median(rates[index]), median(p99s[index]))
          + scenario.name)
}
let baseline = medians[scenarios[0].name] ?? 1
print("")
for scenario in scenarios.dropFirst() {
    print("ratio \(scenario.name) / baseline: " + String(format: "%.1fx", (medians[scenario.name] ?? 0) / baseline))
}
