/// A store shared by several nodes that tells a node when deliveries became ready through
/// another node's work (an append, a release, a lease expiry, a retry promotion, a replay), so
/// that its idle consumers claim them at once instead of at their next periodic claim.
///
/// The notifications only shorten the wait: a node also claims for every session with free
/// credit on each delivery tick (`delivery.tick-ms`), so a notification lost while the
/// connection that carries them is down delays deliveries by at most one tick.
///
/// A conforming type is `Sendable`: the broker watches from a task of its own.
public protocol ReadyDeliveryNotifier: Sendable {
    /// Calls `onReady` with the subscriptions of every notification until the calling task is
    /// cancelled; when the connection carrying the notifications fails, reconnects after a wait
    /// that doubles from 100 ms up to `maxReconnectWait`.
    func watchReadyDeliveries(maxReconnectWait: Duration,
                              onReady: @escaping @Sendable ([SubscriptionID]) -> Void) async
}
