import GMP
import Testing

extension BrokerProcess {
    /// For each case, sends its frames on a fresh connection of `agency` and expects ERROR with
    /// the case's reason (each failure names its case); returns the ERROR details by case name.
    @discardableResult
    func expectErrors(_ cases: [(name: String, frames: [[UInt8]], reason: ReasonCode)], agency: String,
                      sourceLocation: SourceLocation = #_sourceLocation) -> [String: String] {
        var details: [String: String] = [:]
        for (name, frames, reason) in cases {
            do {
                let peer = try AdapterClient(broker: self, agency: agency)
                try peer.sendRaw(frames)
                let answer = try peer.receive()
                guard case .error(let error) = answer else {
                    Issue.record("\(name): \(answer)", sourceLocation: sourceLocation)
                    continue
                }
                #expect(error.reason == reason, "\(name)", sourceLocation: sourceLocation)
                details[name] = error.detail
            } catch {
                Issue.record("\(name): \(error)", sourceLocation: sourceLocation)
            }
        }
        return details
    }
}
