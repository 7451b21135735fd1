import Admin
import GMP
import Store

/// Something a task finished off the socket thread, handed to the broker loop.
enum LoopSignal: Sendable {
    /// The answers to published events (one chunk of a PUBLISH), for the session that published
    /// them; `storedForSubscribers`: at least one was stored (not a duplicate).
    case publishAnswered(sessionID: UInt64, answers: [GMPMessage], storedForSubscribers: Bool)
    /// A claim for a session finished (possibly empty).
    case claimed(sessionID: UInt64, consumer: ConsumerID, deliveries: [ClaimedDelivery])
    /// The timer task (lease expiry, due retries) finished; `changed` deliveries became ready;
    /// `unappliedShift` is the part of a wall-clock jump it could not apply to the store (to try
    /// again on the next tick).
    case timerDone(changed: Int, unappliedShift: Duration)
    /// A session's in-flight deliveries were returned to ready.
    case released(changed: Int)
    /// Another node made deliveries of these subscriptions ready (the store's notification; `*`
    /// stands for any).
    case deliveriesReady(subscriptions: [String])
    /// The routes were reloaded with changes: re-check every session's grant.
    case routesChanged
    /// The admin endpoint asks for the connected sessions (`gerbang adapters`).
    case adapterSnapshot(@Sendable ([AdapterReport]) -> Void)
}
