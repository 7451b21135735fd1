import Foundation
import GMP
import Testing
import ZeroMQ

extension Faults {
    /// The store's disk fills up under a running broker (a 64 MiB tmpfs under its data directory,
    /// filled by a filler file; where `mount` is refused, a soft RLIMIT_FSIZE on the broker):
    /// the broker stops confirming — every publish it cannot make durable is answered REJECTED
    /// `store.unavailable`, never ACCEPTED —, says why (error log with `store.disk-full`, the
    /// metrics `gerbang_store_write_failures_total{reason}` and `gerbang_store_writable 0`), keeps
    /// running, and when the filler is deleted accepts and delivers again, the refused events
    /// included (published again by the adapter), and every event accepted before the fault is
    /// delivered.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct DiskFullTests {
        static let routes = """
            version: 1
            publish:
              dukcapil: [population.**]
            subscriptions:
              - id: kemensos-population
                agency: kemensos
                adapter: main
                types: [population.**]
                retry: {visibility-timeout: 3s}
            """

        /// How the disk is made full.
        enum Mechanism: String {
            case tmpfs = "tmpfs filled by a filler file"
            case fileSizeLimit = "soft RLIMIT_FSIZE on gerbangd, raised again to recover"
        }

        @Test func brokerStopsConfirmingOnAFullDiskAndRecovers() async throws {
            try await IOThread.run {
                var mount: TmpfsMount?
                var mechanism = Mechanism.tmpfs
                let forceLimit = ProcessInfo.processInfo.environment["GERBANG_FAULTS_DISK"] == "rlimit"
                let broker = try BrokerProcess(extraConfiguration: "", routes: Self.routes, heartbeat: "interval-ms: 10000") { directory in
                    guard !forceLimit else {
                        mechanism = .fileSizeLimit
                        return
                    }
                    do {
                        mount = try TmpfsMount(at: directory.appendingPathComponent("data"), sizeBytes: 64 << 20)
                    } catch let refused as TmpfsMount.MountRefused {
                        print("disk full: \(refused); falling back to RLIMIT_FSIZE")
                        mechanism = .fileSizeLimit
                    }
                }
                defer {
                    _ = broker.terminate()
                    mount?.unmount()
                }
                print("disk full: mechanism: \(mechanism.rawValue)")
                let ledger = try FaultLedger(broker: broker)
                let consumer = try TrackingConsumer(broker: broker, agency: "kemensos", adapter: "main", credit: 500, holdBack: 0)
                let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
                try publisher.hello(agency: "dukcapil")
                let drain = { try consumer.drain { ledger.index(of: $0) } }

                // Before the fault: 50 events accepted.
                let before = try ledger.makeEvents(50, prefix: "before")
                #expect(try ledger.publish(before, with: publisher).isEmpty)

                // The fault.
                let filler = broker.dataDirectory.appendingPathComponent("filler")
                switch mechanism {
                case .tmpfs:
                    let bytes = try DiskFiller.fill(filler)
                    print("disk full: filler holds \(bytes / 1_024) KiB")
                case .fileSizeLimit:
                    let wal = broker.dataDirectory.appendingPathComponent("gerbang.sqlite-wal")
                    let size = (try? FileManager.default.attributesOfItem(atPath: wal.path)[.size] as? Int) ?? 0
                    try FileSizeLimit.set(pid: broker.process.processIdentifier, bytes: UInt64(size))
                }

                // Publishing during the fault, one event per PUBLISH, until the broker has refused
                // several (the WAL may still have room for a few commits).
                let during = try ledger.makeEvents(100, prefix: "during")
                var refusedDuring: [Int] = []
                var cursor = 0
                while refusedDuring.count < 5 && cursor < during.count {
                    refusedDuring += try ledger.publish([during[cursor]], with: publisher)
                    cursor += 1
                    try drain()
                }
                let acceptedDuring = during[..<cursor].filter { ledger.accepted[$0] != nil }
                print("disk full: \(cursor) published during the fault, \(acceptedDuring.count) accepted, \(refusedDuring.count) refused")
                #expect(refusedDuring.count >= 5, "the broker stops confirming while the disk is full")
                #expect(Set(refusedDuring.compactMap { ledger.rejected[$0] }) == ["store.unavailable"],
                        "a refusal says the store is unavailable (retryable): \(ledger.rejections.suffix(3))")
                #expect(ReasonCode.storeUnavailable.retryAdvice == .retry)
                #expect(broker.process.isRunning, "the broker keeps running")
                let faultMetrics = try FaultPolling.metrics(broker)
                #expect(FaultPolling.metric(faultMetrics, "gerbang_store_writable") == 0, "the metric shows the store cannot write")
                let failures = faultMetrics.split(separator: "\n").filter { $0.hasPrefix("gerbang_store_write_failures_total{") }
                #expect(!failures.isEmpty, "failed store writes are counted by reason")
                if mechanism == .tmpfs {
                    #expect((FaultPolling.metric(faultMetrics, "gerbang_store_write_failures_total{reason=\"store.disk-full\"}") ?? 0) >= 1)
                    #expect(ledger.rejections.contains("store.unavailable/store.disk-full"))
                    let log = broker.log
                    #expect(log.contains("error") && log.contains("store batch failed") && log.contains("store.disk-full"),
                            "the log says why, at error level")
                }

                // The fault clears.
                switch mechanism {
                case .tmpfs: try FileManager.default.removeItem(at: filler)
                case .fileSizeLimit: try FileSizeLimit.lift(pid: broker.process.processIdentifier)
                }
                let cleared = Date()
                // The adapter publishes its refused events again, and new ones.
                let after = try ledger.makeEvents(50, prefix: "after")
                let rounds = try ledger.publishRetrying(refusedDuring + Array(during[cursor...].prefix(20)) + after, with: publisher)
                print("disk full: accepted again \(Int(Date().timeIntervalSince(cleared) * 1_000)) ms after the fault cleared "
                      + "(\(rounds) publish rounds)")
                #expect((after + refusedDuring).allSatisfy { ledger.accepted[$0] != nil }, "serving again after the fault clears")

                // No confirmed event lost: every ACCEPTED event is delivered.
                let allDelivered = try FaultPolling.until(timeout: 30, heartbeat: [publisher, consumer.client], step: drain) {
                    ledger.accepted.keys.allSatisfy { consumer.attempts[$0] != nil }
                }
                let missing = ledger.accepted.keys.filter { consumer.attempts[$0] == nil }
                #expect(allDelivered, "\(missing.count) accepted events never delivered")
                #expect(consumer.unexpected.isEmpty)
                let recovered = try FaultPolling.metrics(broker)
                #expect(FaultPolling.metric(recovered, "gerbang_store_writable") == 1)
                if mechanism == .tmpfs { #expect(broker.log.contains("store writes recovered")) }
                print("disk full: \(ledger.accepted.count) accepted, all delivered; rejections \(Set(ledger.rejections))")
                #expect(broker.terminate() == 0)
            }
        }
    }
}
