import Foundation
import Logging

/// Processes one export: parses it, publishes every good row, waits for the broker's verdict on
/// each, writes the rejects file, and moves the export to `done/`.
///
/// A row is done when the broker accepted its event (a duplicate counts: the row had been
/// published before a restart) or refused it (the refusal goes to the rejects file with the
/// broker's reason). When any verdict cannot be obtained (the publisher throws), nothing is
/// written, the export stays in the inbox and the next poll processes it again; event ids are
/// the document numbers, so rows already accepted come back as duplicates.
///
/// `Sendable`: immutable configuration and a `Sendable` publisher.
public struct ExportProcessor: Sendable {
    /// The outcome of one export.
    ///
    /// `Sendable`: a value type of integers.
    public struct Summary: Sendable, Hashable {
        /// Data rows and file-level problems in the file.
        public var rows: Int
        /// Events the broker stored (first time).
        public var accepted: Int
        /// Events the broker had already stored (published again after a restart).
        public var duplicates: Int
        /// Rows in the rejects file (the adapter's checks and the broker's refusals).
        public var rejected: Int
    }

    /// The folders.
    public let inbox: ExportInbox
    /// The parser (region list, delimiter, limits).
    public let parser: ExportParser
    /// Where events go.
    public let publisher: any RegistrationPublisher
    /// The most events waiting for their verdict at once. Default 64.
    public let maxInFlight: Int
    private let logger: Logger

    /// Creates a processor.
    public init(inbox: ExportInbox, parser: ExportParser, publisher: any RegistrationPublisher, maxInFlight: Int = 64, logger: Logger) {
        self.inbox = inbox
        self.parser = parser
        self.publisher = publisher
        self.maxInFlight = max(1, maxInFlight)
        self.logger = logger
    }

    /// Processes the export at `url` (see the type's description). Throws when a verdict could
    /// not be obtained or a file operation failed; the export then stays in the inbox.
    public func process(_ url: URL) async throws -> Summary {
        let bytes = try [UInt8](Data(contentsOf: url, options: .mappedIfSafe))
        let rows = parser.parse(bytes)
        var rejections: [(line: Int, rejection: RowRejection)] = []
        var events: [RegistrationEvent] = []
        for row in rows {
            switch row.outcome {
            case .success(let event): events.append(event)
            case .failure(let rejection): rejections.append((row.line, rejection))
            }
        }
        var accepted = 0
        var duplicates = 0
        let verdicts = try await publishAll(events)
        for (event, verdict) in zip(events, verdicts) {
            switch verdict {
            case .accepted(duplicate: false): accepted += 1
            case .accepted(duplicate: true): duplicates += 1
            case .rejected(let reason, let message):
                rejections.append((event.line, RowRejection(code: reason, message: "refused by the broker: \(message)")))
            }
        }
        let name = url.lastPathComponent
        if !rejections.isEmpty {
            let target = inbox.rejects.appendingPathComponent(RejectsFile.name(forExport: name))
            try RejectsFile.render(rejections).write(to: target, atomically: true, encoding: .utf8)
        }
        let moved = try inbox.moveToDone(url)
        let summary = Summary(rows: rows.count, accepted: accepted, duplicates: duplicates, rejected: rejections.count)
        logger.info("export processed", metadata: [
            "file": "\(name)", "done": "\(moved.lastPathComponent)", "rows": "\(summary.rows)",
            "accepted": "\(accepted)", "duplicates": "\(duplicates)", "rejected": "\(summary.rejected)",
        ])
        return summary
    }

    /// Publishes every event with at most ``maxInFlight`` waiting; the verdicts in event order.
    private func publishAll(_ events: [RegistrationEvent]) async throws -> [PublishVerdict] {
        let publisher = publisher
        return try await withThrowingTaskGroup(of: (Int, PublishVerdict).self) { group in
            var verdicts = [PublishVerdict?](repeating: nil, count: events.count)
            var next = 0
            while next < events.count && next < maxInFlight {
                let index = next
                group.addTask { (index, try await publisher.publish(events[index])) }
                next += 1
            }
            while let (index, verdict) = try await group.next() {
                verdicts[index] = verdict
                if next < events.count {
                    let index = next
                    group.addTask { (index, try await publisher.publish(events[index])) }
                    next += 1
                }
            }
            return verdicts.map { $0! }
        }
    }
}
