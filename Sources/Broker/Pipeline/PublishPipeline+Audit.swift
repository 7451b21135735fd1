import Audit
import Envelope
import Foundation
import GMP

extension PublishPipeline {
    /// Appends a rejection to the audit trail (when the store keeps one) and waits until it is
    /// durable, so that a REJECTED answer is always on record: the authenticated agency, the
    /// event id when the event parses, the GMP reason and the specific code. Never the payload.
    func recordRejection(_ rejected: GMPMessage.Rejected, event bytes: [UInt8], agency: String) async {
        guard let recorder = store as? any AuditRecording else { return }
        let eventID = bytes.count <= maxEventBytes
            ? (try? CloudEvent(parsing: bytes, limits: EnvelopeLimits(maxEventBytes: maxEventBytes)))?.id : nil
        do {
            try await recorder.recordAudit(.eventRejected(agency: agency, eventID: eventID, reason: rejected.reason.rawValue,
                                                          code: rejected.specificCode, at: Date()))
        } catch {
            logger.error("audit record of a rejection failed", metadata: ["agency": "\(agency)", "error": "\(error)"])
        }
    }

    /// Records several rejections at once (concurrently, so that they share group-commit
    /// batches instead of waiting for one commit each); returns once all are durable.
    func recordRejections(_ rejections: [(rejected: GMPMessage.Rejected, bytes: [UInt8])], agency: String) async {
        switch rejections.count {
        case 0:
            return
        case 1:
            await recordRejection(rejections[0].rejected, event: rejections[0].bytes, agency: agency)
        default:
            await withTaskGroup(of: Void.self) { group in
                for (rejected, bytes) in rejections {
                    group.addTask { await self.recordRejection(rejected, event: bytes, agency: agency) }
                }
            }
        }
    }
}
