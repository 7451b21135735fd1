import Admin
import Envelope
import Foundation
import GMP
import Store

extension PublishPipeline {
    /// Runs the pipeline like ``process(tag:event:agency:)`` and, when `observe` is set (a tail
    /// is connected), also returns the tail line of the outcome: the accepted event's attributes,
    /// or the rejection's reason with whatever attributes the event had (parsed again only then).
    func processObserved(tag: UInt64, event bytes: [UInt8], agency: String, observe: Bool) async -> (answer: GMPMessage, line: TailLine?) {
        switch check(tag: tag, event: bytes, agency: agency) {
        case .reject(let rejected):
            logger.info("rejected", metadata: ["agency": "\(agency)", "reason": "\(rejected.reason.rawValue)",
                                               "code": "\(rejected.specificCode)", "location": "\(rejected.location)"])
            await recordRejection(rejected, event: bytes, agency: agency)
            return (.rejected(rejected), observe ? Self.rejectionLine(rejected, event: bytes, agency: agency) : nil)
        case .store(let newEvent):
            do throws(StoreError) {
                let outcome = try await store.append(newEvent)
                logger.debug("accepted", metadata: ["agency": "\(agency)", "sequence": "\(outcome.sequence)",
                                                    "duplicate": "\(outcome.isDuplicate)"])
                let answer = GMPMessage.accepted(.init(tag: tag, sequence: UInt64(outcome.sequence.rawValue),
                                                       duplicate: outcome.isDuplicate))
                guard observe else { return (answer, nil) }
                return (answer, TailLine(time: newEvent.acceptedAt, status: .accepted, type: newEvent.type, source: agency,
                                         subject: newEvent.subject, sequence: outcome.sequence.rawValue, eventID: newEvent.id,
                                         duplicate: outcome.isDuplicate ? true : nil))
            } catch {
                logger.error("store append failed; answering REJECTED",
                             metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)", "agency": "\(agency)"])
                let reason: ReasonCode = error.isStorageFailure ? .storeUnavailable : .brokerInternal
                let rejected = GMPMessage.Rejected(tag: tag, reason: reason, specificCode: error.reason.rawValue,
                                                   message: "the event could not be stored durably")
                await recordRejection(rejected, event: bytes, agency: agency)
                return (.rejected(rejected), observe ? Self.rejectionLine(rejected, event: bytes, agency: agency) : nil)
            }
        }
    }

    /// The tail line of a rejection: reason (with the specific code) and the event's type, id
    /// and subject when it parses at all.
    static func rejectionLine(_ rejected: GMPMessage.Rejected, event bytes: [UInt8], agency: String) -> TailLine {
        let event = try? CloudEvent(parsing: bytes)
        let reason = rejected.specificCode.isEmpty || rejected.specificCode == rejected.reason.rawValue
            ? rejected.reason.rawValue : "\(rejected.reason.rawValue) (\(rejected.specificCode))"
        return TailLine(time: Date(), status: .rejected, type: event?.type ?? "", source: agency, subject: event?.subject,
                        eventID: event?.id, reason: reason)
    }
}
