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
        await processObserved([(tag, bytes)], agency: agency, observe: observe)[0]
    }

    /// Runs the pipeline for several events of one PUBLISH: the checks one after the other, then
    /// the events that passed in one store call (``EventStore/append(_:)-([NewEvent])``, one
    /// write operation) while the rejections are put on the audit trail; the answers (and tail
    /// lines) in the events' order.
    func processObserved(_ events: [(tag: UInt64, bytes: [UInt8])], agency: String,
                         observe: Bool) async -> [(answer: GMPMessage, line: TailLine?)] {
        var answers = [(answer: GMPMessage, line: TailLine?)?](repeating: nil, count: events.count)
        var passed: [(index: Int, event: NewEvent)] = []
        var refused: [(rejected: GMPMessage.Rejected, bytes: [UInt8])] = []
        passed.reserveCapacity(events.count)
        for (index, (tag, bytes)) in events.enumerated() {
            switch check(tag: tag, event: bytes, agency: agency) {
            case .reject(let rejected):
                logger.info("rejected", metadata: ["agency": "\(agency)", "reason": "\(rejected.reason.rawValue)",
                                                   "code": "\(rejected.specificCode)", "location": "\(rejected.location)"])
                answers[index] = (.rejected(rejected), observe ? Self.rejectionLine(rejected, event: bytes, agency: agency) : nil)
                refused.append((rejected, bytes))
            case .store(let newEvent):
                passed.append((index, newEvent))
            }
        }
        let store = store
        let newEvents = passed.map(\.event)
        let results: [Result<AppendOutcome, StoreError>]
        if refused.isEmpty {
            results = await store.append(newEvents)
        } else {
            // The rejections' audit records and the append share the next group-commit batches.
            async let appended = newEvents.isEmpty ? [] : store.append(newEvents)
            await recordRejections(refused, agency: agency)
            results = await appended
        }
        var unstored: [(rejected: GMPMessage.Rejected, bytes: [UInt8])] = []
        for ((index, newEvent), result) in zip(passed, results) {
            let (tag, bytes) = events[index]
            switch result {
            case .success(let outcome):
                logger.debug("accepted", metadata: ["agency": "\(agency)", "sequence": "\(outcome.sequence)",
                                                    "duplicate": "\(outcome.isDuplicate)"])
                let answer = GMPMessage.accepted(.init(tag: tag, sequence: UInt64(outcome.sequence.rawValue),
                                                       duplicate: outcome.isDuplicate))
                let line = observe
                    ? TailLine(time: newEvent.acceptedAt, status: .accepted, type: newEvent.type, source: agency,
                               subject: newEvent.subject, sequence: outcome.sequence.rawValue, eventID: newEvent.id,
                               duplicate: outcome.isDuplicate ? true : nil)
                    : nil
                answers[index] = (answer, line)
            case .failure(let error):
                logger.error("store append failed; answering REJECTED",
                             metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)", "agency": "\(agency)"])
                let reason: ReasonCode = error.isStorageFailure ? .storeUnavailable : .brokerInternal
                let rejected = GMPMessage.Rejected(tag: tag, reason: reason, specificCode: error.reason.rawValue,
                                                   message: "the event could not be stored durably")
                answers[index] = (.rejected(rejected), observe ? Self.rejectionLine(rejected, event: bytes, agency: agency) : nil)
                unstored.append((rejected, bytes))
            }
        }
        await recordRejections(unstored, agency: agency)
        return answers.enumerated().map { index, answer in
            answer ?? (.rejected(GMPMessage.Rejected(tag: events[index].tag, reason: .brokerInternal,
                                                     message: "the event was not answered")), nil)
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
