import Foundation
import Logging
import SQLiteStore
import Store

/// `store-append backlog [events=1000000]`: queues `events` events for two subscriptions that
/// never claim, sampling the process's resident memory every tenth of the way, then times a
/// claim of 100 and the queue statistics at that depth. Shows that memory does not grow with the
/// queue (everything queued lives in the file).
enum Backlog {
    static func residentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func run(events: Int) async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gerbang-store-backlog-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "store-append")
        logger.logLevel = .warning
        let path = directory.appendingPathComponent("backlog.sqlite").path
        let store = try await SQLiteStore.open(configuration: SQLiteStoreConfiguration(path: path), logger: logger)
        let appenders = 64
        let step = max(appenders, events / 10)
        print("store-append backlog: \(events) events (~1 KiB, 2 subscriptions, never claimed), \(appenders) appenders")
        print(String(format: "  %9d queued  RSS %7.1f MiB", 0, residentMegabytes()))
        var queued = 0
        let started = ContinuousClock.now
        while queued < events {
            let chunk = min(step, events - queued)
            let base = queued
            try await withThrowingTaskGroup(of: Void.self) { group in
                for appender in 0..<appenders {
                    group.addTask {
                        var index = appender
                        while index < chunk {
                            let id = "b-\(base + index)"
                            _ = try await store.append(NewEvent(
                                source: "urn:gerbang:agency:dukcapil", id: id, type: "population.death.registered",
                                partitionKey: "nik-\((base + index) % 10_007)", body: body(size: 1024, id: id),
                                acceptedAt: Date(), subscriptions: ["bpjs/claims", "kemensos/bansos"]
                            ))
                            index += appenders
                        }
                    }
                }
                try await group.waitForAll()
            }
            queued += chunk
            let elapsed = seconds(started.duration(to: .now))
            print(String(format: "  %9d queued  RSS %7.1f MiB  %7.0f events/s so far", queued, residentMegabytes(),
                         Double(queued) / elapsed))
        }
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "  database file %.0f MiB", Double(fileBytes) / 1_048_576))

        for ordering in [DeliveryOrdering.acceptance, .partitionKey] {
            let claimStart = ContinuousClock.now
            let claimed = try await store.claim(subscription: "bpjs/claims", consumer: "slow", limit: 100, ordering: ordering,
                                                leaseDeadline: Date().addingTimeInterval(30), now: Date())
            let milliseconds = String(format: "%.2f", seconds(claimStart.duration(to: .now)) * 1000)
            print("  claim 100 (\(ordering.rawValue) ordering) at depth \(events): \(milliseconds) ms (\(claimed.count) claimed)")
        }
        let statsStart = ContinuousClock.now
        let stats = try await store.queueStats(subscriptions: nil, now: Date())
        let statsMilliseconds = String(format: "%.1f", seconds(statsStart.duration(to: .now)) * 1000)
        let depths = stats.map { "\($0.subscription): \($0.ready) ready, \($0.inFlight) in flight" }.joined(separator: "; ")
        print("  queue statistics: \(statsMilliseconds) ms (\(depths))")
        print(String(format: "  RSS at the end %.1f MiB", residentMegabytes()))
        await store.close()
    }
}
