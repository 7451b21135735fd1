import Foundation
import GMP
import Testing

/// A subscriber for the crash test: records every DELIVER (event index and attempt), keeps the
/// newest `holdBack` deliveries unacknowledged (so that a kill always finds some in flight) and
/// acknowledges the older ones. Not `Sendable`: used on the test's one thread.
final class TrackingConsumer {
    let agency: String
    let adapter: String
    let credit: UInt32
    let holdBack: Int
    /// The subscriptions asked for in HELLO (empty: every one the routes give the adapter).
    let subscriptions: [String]
    private(set) var client: AdapterClient
    /// Event index → the attempts delivered, in arrival order.
    private(set) var attempts: [Int: [UInt32]] = [:]
    /// Deliveries of bytes that were not a published valid event (should stay empty).
    private(set) var unexpected: [String] = []
    private var held: [UInt64] = []

    init(broker: BrokerProcess, agency: String, adapter: String, credit: UInt32 = 200, holdBack: Int = 25,
         subscriptions: [String] = []) throws {
        self.agency = agency
        self.adapter = adapter
        self.credit = credit
        self.holdBack = holdBack
        self.subscriptions = subscriptions
        client = try Self.connect(broker: broker, agency: agency, adapter: adapter, credit: credit, subscriptions: subscriptions)
    }

    private static func connect(broker: BrokerProcess, agency: String, adapter: String, credit: UInt32,
                                subscriptions: [String] = []) throws -> AdapterClient {
        let client = try AdapterClient(broker: broker, agency: agency)
        try client.hello(agency: agency, adapter: adapter, subscriptions: subscriptions)
        try client.send(.credit(.init(credit: credit)))
        return client
    }

    /// A new session with the restarted broker; the held deliveries are the broker's to redeliver.
    func reconnect(to broker: BrokerProcess) throws {
        held.removeAll()
        client = try Self.connect(broker: broker, agency: agency, adapter: adapter, credit: credit, subscriptions: subscriptions)
    }

    /// Handles every message waiting. `index` maps delivered bytes to the event's index among the
    /// valid events (nil: not a valid published event).
    func drain(index: (([UInt8]) -> Int?)) throws {
        for _ in 0..<10_000 {
            guard let message = try client.receiveIfAvailable() else { return }
            switch message {
            case .deliver(let deliver):
                if let event = index(deliver.event) {
                    attempts[event, default: []].append(deliver.attempt)
                } else {
                    unexpected.append("\(agency): sequence \(deliver.sequence) attempt \(deliver.attempt)")
                }
                held.append(deliver.deliveryID)
                if held.count > holdBack {
                    try client.send(.ack(.init(deliveryID: held.removeFirst())))
                }
            case .heartbeat:
                break
            case let other:
                throw BrokerTestError("\(agency) received \(other)")
            }
        }
    }

    /// Acknowledges everything held.
    func acknowledgeHeld() throws {
        for id in held { try client.send(.ack(.init(deliveryID: id))) }
        held.removeAll()
    }

    /// Deliveries after the first of the same event (redeliveries), with their attempts.
    var redeliveryAttempts: [UInt32] { attempts.values.flatMap { $0.dropFirst() } }
}
