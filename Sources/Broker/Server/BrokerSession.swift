import Foundation
import GMP
import Routing
import Store

/// One GMP session, owned by the broker loop thread. Not `Sendable`: only the loop touches it.
final class BrokerSession {
    let id: UInt64
    let routingID: [UInt8]
    let agency: String
    let adapter: String
    /// The adapter's version from HELLO (`gerbang adapters`).
    let adapterVersion: String
    /// The session's consumer id in the store: `<node>/<incarnation>/<agency>/<adapter>/<session>`.
    let consumer: ConsumerID
    let subscriptions: [Subscription]
    /// The subscriptions HELLO asked for (empty: all the routes give), to re-check after a reload.
    let requested: [String]
    /// The adapter's credit (clamped to `max_credit`).
    var credit = 0
    /// Deliveries sent and not yet answered or expired, with their subscription, attempt and
    /// lease deadline.
    var inFlight: [UInt64: InFlight] = [:]
    /// ACKs received in this loop turn, not yet handed to the store (see
    /// `BrokerLoop.flushAcknowledgements()`: one store operation per session and turn).
    var pendingAcknowledgements: [DeliveryID] = []
    /// A claim task is running for this session.
    var claimOutstanding = false
    /// New deliveries may be ready (credit, acknowledgements, new events, timer).
    var mayHaveWork = true
    var heartbeat: GMPHeartbeat

    struct InFlight {
        /// Its subscription: an index into ``BrokerSession/subscriptions``.
        var subscriptionIndex: Int
        var attempt: Int
        var leaseDeadline: Date
        /// What the tail reports about the event when the delivery is answered.
        var event: ObservedEvent
    }

    init(id: UInt64, routingID: [UInt8], agency: String, adapter: String, adapterVersion: String, consumer: ConsumerID,
         subscriptions: [Subscription], requested: [String], heartbeat: GMPHeartbeat) {
        self.requested = requested
        self.id = id
        self.routingID = routingID
        self.agency = agency
        self.adapter = adapter
        self.adapterVersion = adapterVersion
        self.consumer = consumer
        self.subscriptions = subscriptions
        self.heartbeat = heartbeat
    }

    /// How many more deliveries the session can take now.
    var freeCredit: Int { max(0, credit - inFlight.count) }
}
