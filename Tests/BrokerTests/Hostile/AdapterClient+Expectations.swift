import GMP
import Testing

extension AdapterClient {
    /// Sends `frames` and expects ERROR with `reason`; returns its detail.
    @discardableResult
    func expectError(after frames: [[UInt8]], _ reason: ReasonCode,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try sendRaw(frames)
        let answer = try receive()
        guard case .error(let error) = answer else { throw BrokerTestError("no ERROR for \(reason): \(answer)") }
        #expect(error.reason == reason, sourceLocation: sourceLocation)
        return error.detail
    }

    /// Publishes one event and returns its REJECTED answer (fails on ACCEPTED).
    func expectRejected(_ event: [UInt8], tag: UInt64 = 1) throws -> GMPMessage.Rejected {
        try send(.publish(.init(events: [.init(tag: tag, event: event)])))
        let answer = try receive()
        guard case .rejected(let rejected) = answer, rejected.tag == tag else {
            throw BrokerTestError("tag \(tag) not rejected: \(answer)")
        }
        return rejected
    }

    /// Publishes one event and returns its ACCEPTED answer (fails on REJECTED).
    func expectAccepted(_ event: [UInt8], tag: UInt64 = 1) throws -> GMPMessage.Accepted {
        try send(.publish(.init(events: [.init(tag: tag, event: event)])))
        let answer = try receive()
        guard case .accepted(let accepted) = answer, accepted.tag == tag else {
            throw BrokerTestError("tag \(tag) not accepted: \(answer)")
        }
        return accepted
    }
}
