import Routing
import Store

extension Subscription {
    /// The store's ordering for this subscription's claims.
    var deliveryOrdering: DeliveryOrdering {
        switch ordering {
        case .none: .acceptance
        case .partitionKey: .partitionKey
        }
    }

    /// The lease of one delivery (the route's visibility timeout), in milliseconds, at least 1.
    var leaseMilliseconds: Int {
        let (seconds, attoseconds) = retry.visibilityTimeout.components
        return max(1, Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
