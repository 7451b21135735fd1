/// One event on its way to the broker, with whoever waits for its answer. `Sendable`: bytes,
/// numbers and a `Sendable` completion.
struct PublishRequest: Sendable {
    /// The signed event, byte for byte.
    let event: [UInt8]
    /// Its row in the publisher outbox, deleted once the broker answered.
    let outboxID: Int64?
    /// When the waiting caller gives up (``GerbangClientError/Reason/publishTimeout``).
    let deadline: ContinuousClock.Instant
    /// Who waits; `nil` for outbox entries re-sent at start (nobody waits for them).
    var completion: PublishCompletion?
}
