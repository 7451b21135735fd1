import Foundation
import GMP
import Testing

extension Cluster {
    /// Publishes the events with `ids` one at a time through `publisher` (at one node) and
    /// returns, for each, how long after its ACCEPTED `subscriber` (a session at another node,
    /// with credit) received its DELIVER; acknowledges each and pauses 300 ms before the next,
    /// so that every delivery needs its own wake-up at the subscriber's node.
    static func crossNodeDeliveryLatencies(
        of ids: [String],
        publisher: AdapterClient,
        subscriber: AdapterClient,
        factory: TestEventFactory
    ) throws -> [TimeInterval] {
        var latencies: [TimeInterval] = []
        for id in ids {
            let verdicts = try publisher.publishCollectingVerdicts([.init(tag: 1, event: try factory.signed(id: id))])
            let accepted = Date()
            #expect(verdicts[1] == "accepted")
            guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
            latencies.append(Date().timeIntervalSince(accepted))
            try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
            Thread.sleep(forTimeInterval: 0.3)
        }
        return latencies
    }
}
