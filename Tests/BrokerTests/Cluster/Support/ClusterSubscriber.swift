import Foundation
import GMP

/// A subscriber session at one node of the cluster test: records every DELIVER (event index and
/// attempt), keeps the newest `holdBack` deliveries unacknowledged (so that the node's kill
/// always finds some in flight there) and acknowledges the older ones. Not `Sendable`: used on
/// the test's one thread.
final class ClusterSubscriber {
    let agency: String
    let adapter: String
    /// The node it is connected to (1-based).
    let node: Int
    let client: AdapterClient
    /// Event index → the attempts delivered here, in arrival order.
    private(set) var attempts: [Int: [UInt32]] = [:]
    /// Events whose ACK was sent.
    private(set) var acknowledged: Set<Int> = []
    /// Deliveries of bytes that were not a published valid event (should stay empty).
    private(set) var unexpected: [String] = []
    /// Delivered, not yet acknowledged: delivery id and event index.
    private(set) var held: [(delivery: UInt64, event: Int)] = []
    private let holdBack: Int

    init(broker: BrokerProcess, node: Int, agency: String, adapter: String, credit: UInt32 = 200, holdBack: Int = 20) throws {
        self.agency = agency
        self.adapter = adapter
        self.node = node
        self.holdBack = holdBack
        client = try AdapterClient(broker: broker, agency: agency)
        try client.hello(agency: agency, adapter: adapter)
        try client.send(.credit(.init(credit: credit)))
    }

    /// Handles every message waiting; `index` maps delivered bytes to the event's index among
    /// the valid events (nil: not a valid published event).
    func drain(index: ([UInt8]) -> Int?) throws {
        for _ in 0..<10_000 {
            guard let message = try client.receiveIfAvailable() else { return }
            switch message {
            case .deliver(let deliver):
                guard let event = index(deliver.event) else {
                    unexpected.append("\(agency)@node-\(node): sequence \(deliver.sequence) attempt \(deliver.attempt)")
                    continue
                }
                attempts[event, default: []].append(deliver.attempt)
                held.append((deliver.deliveryID, event))
                if held.count > holdBack { try acknowledge(held.removeFirst()) }
            case .heartbeat:
                break
            case let other:
                throw BrokerTestError("\(agency)@node-\(node) received \(other)")
            }
        }
    }

    /// Acknowledges everything held.
    func acknowledgeHeld() throws {
        for delivery in held { try acknowledge(delivery) }
        held.removeAll()
    }

    private func acknowledge(_ delivery: (delivery: UInt64, event: Int)) throws {
        try client.send(.ack(.init(deliveryID: delivery.delivery)))
        acknowledged.insert(delivery.event)
    }
}
