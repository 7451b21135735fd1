import DukcapilAdapter
import Foundation
import Logging
import Synchronization
import Testing

/// Records what is published and answers with a verdict chosen per event id.
private final class RecordingPublisher: RegistrationPublisher {
    let published = Mutex<[String]>([])
    let refuse: Set<String>
    let fails: Bool

    init(refuse: Set<String> = [], fails: Bool = false) {
        self.refuse = refuse
        self.fails = fails
    }

    func publish(_ event: RegistrationEvent) async throws -> PublishVerdict {
        struct Unreachable: Error {}
        if fails { throw Unreachable() }
        published.withLock { $0.append(event.id) }
        return refuse.contains(event.id) ? .rejected(reason: "schema.violation", message: "/data: test refusal") : .accepted(duplicate: false)
    }
}

@Suite struct ExportProcessorTests {
    private func makeInbox() throws -> ExportInbox {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dukcapil-test-\(UUID().uuidString)")
        let inbox = ExportInbox(inbox: root.appendingPathComponent("inbox"))
        try inbox.createFolders()
        return inbox
    }

    private func write(_ rows: [String], to inbox: ExportInbox, name: String = "export.csv") throws -> URL {
        let url = inbox.inbox.appendingPathComponent(name)
        try (([SampleExport.header] + rows).joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func goodRowsArePublishedBadRowsGoToTheRejectsFileAndTheExportMovesToDone() async throws {
        let inbox = try makeInbox()
        defer { try? FileManager.default.removeItem(at: inbox.inbox.deletingLastPathComponent()) }
        var badNIK = SampleExport.death
        badNIK["NO_DOKUMEN"] = "3374-KM-19112026-0154"
        badNIK["NIK"] = "3374017202580002"
        let url = try write([
            SampleExport.row(SampleExport.death), SampleExport.row(SampleExport.birth),
            SampleExport.row(badNIK), SampleExport.row(SampleExport.move),
        ], to: inbox)
        let publisher = RecordingPublisher(refuse: ["3204-SKPWNI-18112026-0042"])
        let processor = ExportProcessor(inbox: inbox, parser: ExportParser(regions: try TestRepository.regions()),
                                        publisher: publisher, logger: Logger(label: "test"))
        let summary = try await processor.process(url)
        #expect(summary.rows == 4)
        #expect(summary.accepted == 2)
        #expect(summary.rejected == 2)
        #expect(Set(publisher.published.withLock { $0 }) == ["3374-KM-19112026-0153", "3578-LT-05112026-0087", "3204-SKPWNI-18112026-0042"])
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(FileManager.default.fileExists(atPath: inbox.done.appendingPathComponent("export.csv").path))
        let rejects = RejectsFile.parse(try String(contentsOf: inbox.rejects.appendingPathComponent("export.rejects.csv"), encoding: .utf8))
        #expect(rejects.map(\.line) == [4, 5])
        #expect(rejects.map(\.reason) == ["nik.invalid-date", "schema.violation"])
        #expect(rejects[0].column == "NIK")
        #expect(rejects[1].message.contains("refused by the broker"))
    }

    @Test func anUnreachableBrokerLeavesTheExportInTheInbox() async throws {
        let inbox = try makeInbox()
        defer { try? FileManager.default.removeItem(at: inbox.inbox.deletingLastPathComponent()) }
        let url = try write([SampleExport.row(SampleExport.death)], to: inbox)
        let processor = ExportProcessor(inbox: inbox, parser: ExportParser(regions: try TestRepository.regions()),
                                        publisher: RecordingPublisher(fails: true), logger: Logger(label: "test"))
        await #expect(throws: (any Error).self) { _ = try await processor.process(url) }
        #expect(FileManager.default.fileExists(atPath: url.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.rejects.path).isEmpty)
    }

    @Test func theWatcherTakesAnExportOnceItIsStable() async throws {
        let inbox = try makeInbox()
        defer { try? FileManager.default.removeItem(at: inbox.inbox.deletingLastPathComponent()) }
        let publisher = RecordingPublisher()
        let processor = ExportProcessor(inbox: inbox, parser: ExportParser(regions: try TestRepository.regions()),
                                        publisher: publisher, logger: Logger(label: "test"))
        let watcher = InboxWatcher(processor: processor, pollInterval: .milliseconds(50), logger: Logger(label: "test"))
        let task = Task { await watcher.run() }
        defer { task.cancel() }
        _ = try write([SampleExport.row(SampleExport.death)], to: inbox, name: "a.csv")
        try "not an export".write(to: inbox.inbox.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let done = inbox.done.appendingPathComponent("a.csv")
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: done.path) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(FileManager.default.fileExists(atPath: done.path))
        #expect(publisher.published.withLock { $0 } == ["3374-KM-19112026-0153"])
        #expect(FileManager.default.fileExists(atPath: inbox.inbox.appendingPathComponent("notes.txt").path))
    }
}
