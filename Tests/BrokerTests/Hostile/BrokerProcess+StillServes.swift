import Foundation
import GMP
import GerbangTesting
import Testing

/// What every hostile-input test ends with: the broker still serves well-behaved clients.
extension BrokerProcess {
    /// A fresh publisher (dukcapil) and consumer (kemensos/main, subscription
    /// `kemensos-population`) on new connections: a valid event, timestamped now, is ACCEPTED
    /// (not as a duplicate) and then DELIVERed to the consumer byte for byte. Deliveries of
    /// earlier events the consumer meets on the way are acknowledged.
    func expectStillServes(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let publisher = try AdapterClient(broker: self, agency: "dukcapil")
        try publisher.hello(agency: "dukcapil", adapter: "well-behaved")
        let event = try TestEvents.signed(broker: self, edit: HostileEvents.timestamped(offset: 0))
        try publisher.send(.publish(.init(events: [.init(tag: 424_242, event: event)])))
        let answer = try publisher.receive()
        guard case .accepted(let accepted) = answer, accepted.tag == 424_242 else {
            throw BrokerTestError("the broker no longer accepts a valid event: \(answer)\n\(log.suffix(4_000))")
        }
        #expect(!accepted.duplicate, sourceLocation: sourceLocation)

        let consumer = try AdapterClient(broker: self, agency: "kemensos")
        try consumer.hello(agency: "kemensos", subscriptions: ["kemensos-population"])
        try consumer.send(.credit(.init(credit: 100)))
        for _ in 0..<1_000 {
            let message = try consumer.receive()
            guard case .deliver(let deliver) = message else { throw BrokerTestError("consumer got \(message)") }
            try consumer.send(.ack(.init(deliveryID: deliver.deliveryID)))
            if deliver.sequence == accepted.sequence {
                #expect(deliver.event == event, sourceLocation: sourceLocation)
                try consumer.send(.bye(.init(reason: .sessionClosed)))
                try publisher.send(.bye(.init(reason: .sessionClosed)))
                return
            }
        }
        throw BrokerTestError("the accepted event was never delivered")
    }

    /// `GET /metrics`, the body.
    func metrics() throws -> String {
        let port = try #require(metricsPort)
        return try HTTPGet.response(port: port, path: "/metrics")
    }

    /// The TCP port of the adapter endpoint (`tcp://127.0.0.1:<port>`).
    var adapterPort: UInt16? {
        endpoint.split(separator: ":").last.flatMap { UInt16($0) }
    }
}
