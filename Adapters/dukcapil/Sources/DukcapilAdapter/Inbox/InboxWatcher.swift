import Foundation
import Logging

/// Polls the inbox and processes each export once it is complete (its size and modification
/// time unchanged for one poll), one export at a time, in name order.
///
/// `Sendable`: immutable; the loop's state lives in ``run()``.
public struct InboxWatcher: Sendable {
    /// The processor that handles each export.
    public let processor: ExportProcessor
    /// The time between two looks at the inbox. Default 1 s.
    public let pollInterval: Duration
    /// The wait before an export whose processing failed (broker unreachable) is tried again. Default 5 s.
    public let retryDelay: Duration
    private let logger: Logger

    /// Creates a watcher.
    public init(processor: ExportProcessor, pollInterval: Duration = .seconds(1), retryDelay: Duration = .seconds(5), logger: Logger) {
        self.processor = processor
        self.pollInterval = pollInterval
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// Watches until the task is cancelled.
    public func run() async {
        var seen: [URL: FileSignature] = [:]
        var failedUntil: [URL: ContinuousClock.Instant] = [:]
        while !Task.isCancelled {
            let files: [(url: URL, signature: FileSignature)]
            do {
                files = try processor.inbox.listExports()
            } catch {
                logger.error("cannot list the inbox", metadata: ["inbox": "\(processor.inbox.inbox.path)", "error": "\(error)"])
                files = []
            }
            var current: [URL: FileSignature] = [:]
            for (url, signature) in files {
                current[url] = signature
                guard seen[url] == signature, !Task.isCancelled else { continue }
                if let until = failedUntil[url], ContinuousClock.now < until { continue }
                do {
                    _ = try await processor.process(url)
                    failedUntil[url] = nil
                    current[url] = nil
                } catch {
                    logger.warning("export not finished; it stays in the inbox", metadata: [
                        "file": "\(url.lastPathComponent)", "error": "\(error)",
                    ])
                    failedUntil[url] = ContinuousClock.now.advanced(by: retryDelay)
                }
            }
            seen = current
            try? await Task.sleep(for: pollInterval)
        }
    }
}
