import Audit
import Foundation
import Logging

/// Signs audit checkpoints while the broker runs: whenever `checkpoint-every-records` records were
/// added since the last checkpoint, or `checkpoint-interval-seconds` passed and records were
/// added, it signs (record count, head hash, time) with the broker's certificate, stores the
/// checkpoint and appends it to the witness file; once more when the broker stops. It also runs
/// retention (``AuditRetention``) once per interval when a retention period is set.
///
/// `Sendable`: it holds only its `Task` (itself `Sendable`).
final class AuditCheckpointer: Sendable {
    private let task: Task<Void, Never>

    /// Starts the checkpoint task.
    /// `retention` archives and deletes old records (``AuditRetention``), called once per interval.
    init(store: any AuditCheckpointStore, signer: AuditCheckpointSigner, settings: AuditSettings, witness: AuditWitnessFile?,
         retention: (@Sendable (Date) async -> Void)?, logger: Logger) {
        task = Task {
            var run = Run(store: store, signer: signer, witness: witness, logger: logger)
            let interval = Duration.seconds(settings.checkpointIntervalSeconds)
            let poll = min(interval, .seconds(1))
            var lastCheckpoint = ContinuousClock.now
            var lastRetention = ContinuousClock.now
            while !Task.isCancelled {
                try? await Task.sleep(for: poll)
                if Task.isCancelled { break }
                guard let head = await run.head() else { continue }
                let added = head.recordCount - run.lastCount
                let due = ContinuousClock.now - lastCheckpoint >= interval
                if added >= Int64(settings.checkpointEveryRecords) || (added > 0 && due) {
                    await run.checkpoint(head)
                    lastCheckpoint = .now
                }
                if let retention, ContinuousClock.now - lastRetention >= interval {
                    lastRetention = .now
                    await retention(Date())
                }
            }
            if let head = await run.head(), head.recordCount > run.lastCount { await run.checkpoint(head) }
        }
    }

    /// Signs a last checkpoint and ends the task (before the store closes).
    func stop() async {
        task.cancel()
        await task.value
    }

    /// The checkpoint task's state.
    private struct Run {
        let store: any AuditCheckpointStore
        let signer: AuditCheckpointSigner
        let witness: AuditWitnessFile?
        let logger: Logger
        var lastCount: Int64 = 0

        func head() async -> (recordCount: Int64, hash: [UInt8])? {
            do {
                return try await store.auditHead()
            } catch {
                logger.error("audit head unreadable", metadata: ["reason": "\(error.reason.rawValue)"])
                return nil
            }
        }

        mutating func checkpoint(_ head: (recordCount: Int64, hash: [UInt8])) async {
            do {
                let checkpoint = try signer.sign(recordCount: head.recordCount, headHash: head.hash, at: Date())
                try await store.appendAuditCheckpoint(checkpoint)
                try witness?.append(checkpoint)
                lastCount = head.recordCount
                logger.info("audit checkpoint signed", metadata: ["records": "\(head.recordCount)",
                                                                  "head": "\(AuditChain.hex(head.hash))"])
            } catch {
                logger.error("audit checkpoint failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
