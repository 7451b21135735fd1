import Foundation
import GMP
import GRDB
import Testing
import ZeroMQ

/// The audit trail end to end: a real `gerbangd` accepts, delivers and rejects; the built
/// `gerbang audit verify` passes on its store, an export verifies in a fresh folder without the
/// store, and a changed byte in the store is named.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct BrokerAuditTrailTests {
    @Test func gerbangAuditVerifyPassesOnARealBrokersStore() async throws {
        try await IOThread.run {
            let witness = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-witness-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: witness) }
            let broker = try BrokerProcess(extraConfiguration: """
                audit:
                  checkpoint-interval-seconds: 1
                  checkpoint-every-records: 4
                  witness-file: \(witness.path)
                """)
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            var events: [GMPMessage.Publish.Event] = []
            for tag in UInt64(1)...3 { events.append(.init(tag: tag, event: try TestEvents.signed(broker: broker))) }
            events.append(.init(tag: 4, event: try TestEvents.tampered(broker: broker)))
            try publisher.send(.publish(.init(events: events)))
            var accepted = 0
            var rejected = 0
            for _ in 0..<4 {
                switch try publisher.receive() {
                case .accepted: accepted += 1
                case .rejected: rejected += 1
                default: throw BrokerTestError("unexpected answer")
                }
            }
            #expect(accepted == 3)
            #expect(rejected == 1)
            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try subscriber.send(.credit(.init(credit: 10)))
            for number in 0..<3 {
                guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                if number == 2 {
                    try subscriber.send(.nack(.init(deliveryID: deliver.deliveryID, disposition: .permanent, reason: "test.permanent")))
                } else {
                    try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
                }
            }
            Thread.sleep(forTimeInterval: 1.5)
            #expect(broker.terminate() == 0)

            let agencies = BrokerProcess.repositoryRoot.appendingPathComponent("Config/agencies.yaml").path
            let dataDirectory = broker.dataDirectory.path
            let verified = try GerbangRun.run(["audit", "verify", "--data-dir", dataDirectory, "--agencies", agencies,
                                               "--witness", witness.path])
            #expect(verified.status == 0, "\(verified.stdout)\n\(verified.stderr)")
            #expect(verified.stdout.contains("audit trail intact"))
            // 3 accepted + 1 rejected + the delivery outcomes (ACKs read together share a record).
            let checkedLine = verified.stdout.split(separator: "\n").first { $0.hasPrefix("records checked: ") } ?? ""
            let checked = Int(checkedLine.dropFirst("records checked: ".count).prefix { $0.isNumber }) ?? 0
            #expect((6...7).contains(checked), "\(verified.stdout)")
            #expect(verified.stdout.contains("agency signatures checked: 3"))
            #expect(!verified.stdout.contains("checkpoints checked: 0"), "\(verified.stdout)")

            // Export, then verify the archive alone in a fresh folder.
            let archive = broker.directory.appendingPathComponent("trail.jsonl")
            let exported = try GerbangRun.run(["audit", "export", "--data-dir", dataDirectory, "--agencies", agencies,
                                               "--out", archive.path])
            #expect(exported.status == 0, "\(exported.stderr)")
            let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-auditor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: fresh) }
            try FileManager.default.copyItem(at: archive, to: fresh.appendingPathComponent("trail.jsonl"))
            let offline = try GerbangRun.run(["audit", "verify", "--archive", "trail.jsonl"], in: fresh)
            #expect(offline.status == 0, "\(offline.stdout)\n\(offline.stderr)")
            #expect(offline.stdout.contains(checkedLine))
            #expect(offline.stdout.contains("agency signatures checked: 3"))

            // One changed byte in the store is named.
            let store = broker.dataDirectory.appendingPathComponent("gerbang.sqlite").path
            let queue = try DatabaseQueue(path: store)
            try queue.write { try $0.execute(sql: "UPDATE audit_record SET hash = zeroblob(32) WHERE idx = 5") }
            try queue.close()
            let broken = try GerbangRun.run(["audit", "verify", "--data-dir", dataDirectory, "--agencies", agencies])
            #expect(broken.status == 1)
            #expect(broken.stderr.contains("record 5"), "\(broken.stderr)")
        }
    }
}

/// Runs a built executable (by default `gerbang`) to the end, bounded.
enum GerbangRun {
    static func run(_ arguments: [String], in directory: URL? = nil,
                    timeout: TimeInterval = 60) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = BrokerProcess.binDirectory.appendingPathComponent("gerbang")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
