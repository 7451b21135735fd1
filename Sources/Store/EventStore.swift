import Foundation

/// The broker's storage: accepted events, their per-subscription deliveries, and the
/// de-duplication window.
///
/// A conforming type is `Sendable`: the broker calls it from many tasks at once. Every
/// mutating call returns only once its effect is committed and survives a crash of the
/// process. Calls whose effect backs a promise already made — `append` (ACCEPTED),
/// `deadLetter`, `scheduleRetry`, replay, purge, prune, audit — return only once it also
/// survives a power loss (for the SQLite backend: the transaction that carries it has been
/// fsynced). `claim`, `acknowledge`, `expireLeases`, `releaseDeliveries` and
/// `promoteDueRetries` may return before that: a power loss can undo the most recent of them
/// (never an earlier one while keeping a later one), which only makes the broker deliver those
/// events again — allowed by at-least-once delivery, like a consumer that crashed before its
/// ACK. Implementations batch concurrent writes into one transaction (group commit); callers
/// simply issue calls concurrently.
///
/// Time is always passed in by the caller (`now`, `acceptedAt`, deadlines), so the store holds
/// no clock of its own and tests are deterministic.
///
/// ## Delivery state machine
/// ```
///            claim                      ack
///   ready ───────────▶ in flight ───────────────▶ acknowledged
///     ▲  ◀───────────── │  │  │
///     │  lease expired, │  │  └──────────────────▶ dead ──replay──▶ ready (attempt reset)
///     │  release,       │  │  nack permanent,             └─purge─▶ (deleted)
///     │  restart        │  │  max attempts
///     │                 │  ▼
///     └──── retry due ─ waiting (until T)  ◀── nack retryable
/// ```
/// Every claim increments the delivery's attempt number, so a redelivery has `attempt > 1`.
public protocol EventStore: Sendable {
    // MARK: Publishing

    /// Durably appends one accepted event and creates one `ready` delivery per subscription in
    /// `event.subscriptions`.
    ///
    /// Returns ``AppendOutcome/duplicate(originalSequence:)`` without writing anything when an
    /// event with the same (`source`, `id`) was accepted within the de-duplication window.
    func append(_ event: NewEvent) async throws(StoreError) -> AppendOutcome

    /// Appends several events, in order, each exactly as ``append(_:)`` would (a later one is a
    /// duplicate of an earlier one of the same call when they share `source` and `id`); one
    /// result per event, in the same order. What the broker uses for the events of one PUBLISH:
    /// a backend may write them in one operation of its write queue instead of one each (the
    /// default implementation appends them one after the other).
    func append(_ events: [NewEvent]) async -> [Result<AppendOutcome, StoreError>]

    // MARK: Delivery

    /// Claims up to `limit` `ready` deliveries of `subscription` in acceptance order for
    /// `consumer`, each with the lease deadline `leaseDeadline`; every claim increments the
    /// attempt number.
    ///
    /// With ``DeliveryOrdering/partitionKey``, a partition that has a delivery in flight or
    /// waiting for retry is skipped, and at most one delivery per partition is claimed, so
    /// deliveries of one partition key are handed out strictly one after the other.
    func claim(
        subscription: SubscriptionID,
        consumer: ConsumerID,
        limit: Int,
        ordering: DeliveryOrdering,
        leaseDeadline: Date,
        now: Date
    ) async throws(StoreError) -> [ClaimedDelivery]

    /// Marks a delivery acknowledged (final).
    func acknowledge(_ delivery: DeliveryID, by consumer: ConsumerID, now: Date) async throws(StoreError) -> SettleOutcome

    /// Acknowledges several deliveries of one consumer in one write (the outcomes in the same
    /// order); what the broker uses when a read of the socket yields several ACKs.
    func acknowledge(_ deliveries: [DeliveryID], by consumer: ConsumerID, now: Date) async throws(StoreError) -> [SettleOutcome]

    /// Puts a delivery in `waiting` until `retryAt` after a retryable failure; the broker has
    /// computed `retryAt` from the route's backoff policy.
    func scheduleRetry(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        retryAt: Date,
        failure: DeliveryFailure,
        now: Date
    ) async throws(StoreError) -> SettleOutcome

    /// Moves a delivery to the dead letters (permanent failure, or maximum attempts reached).
    func deadLetter(
        _ delivery: DeliveryID,
        by consumer: ConsumerID,
        failure: DeliveryFailure,
        now: Date
    ) async throws(StoreError) -> SettleOutcome

    /// Returns every in-flight delivery whose lease deadline is at or before `now` to `ready`.
    /// Returns how many were returned.
    func expireLeases(now: Date) async throws(StoreError) -> Int

    /// Returns every in-flight delivery of `consumer` (which disconnected) to `ready`.
    /// Returns how many were returned.
    func releaseDeliveries(of consumer: ConsumerID, now: Date) async throws(StoreError) -> Int

    /// Returns every `waiting` delivery whose retry time is at or before `now` to `ready`.
    /// Returns how many were returned.
    func promoteDueRetries(now: Date) async throws(StoreError) -> Int

    /// Moves every lease deadline of an in-flight delivery and every retry time of a waiting
    /// delivery by `offset` (positive: later). The broker calls it after the wall clock jumped
    /// by `offset`, so that the schedule keeps its spacing on the new clock: retries neither all
    /// fall due at once (a jump forward) nor wait for the jump's length (a jump backward).
    /// Returns how many deliveries were moved.
    func shiftSchedule(by offset: Duration) async throws(StoreError) -> Int

    /// The earliest lease deadline or retry time among in-flight and waiting deliveries, so the
    /// broker knows when to call ``expireLeases(now:)`` / ``promoteDueRetries(now:)`` next.
    func nextScheduledTransition() async throws(StoreError) -> Date?

    // MARK: Dead letters

    /// Dead letters matching `filter`, oldest first, each with its event and attempt history.
    func deadLetters(matching filter: DeadLetterFilter) async throws(StoreError) -> [DeadLetter]

    /// Moves the dead letters matching `filter` back to `ready` with their attempt count reset
    /// to zero (their attempt history is kept). Returns how many were replayed.
    func replayDeadLetters(matching filter: DeadLetterFilter, now: Date) async throws(StoreError) -> Int

    /// Deletes the dead letters matching `filter` (with their attempt history). Returns how
    /// many were purged.
    func purgeDeadLetters(matching filter: DeadLetterFilter) async throws(StoreError) -> Int

    // MARK: Inspection

    /// Queue statistics of the given subscriptions (every subscription that has deliveries
    /// when `subscriptions` is `nil`).
    func queueStats(subscriptions: [SubscriptionID]?, now: Date) async throws(StoreError) -> [QueueStats]

    /// The most recently accepted event with this (`source`, `id`), with its delivery history.
    func event(source: String, id: String) async throws(StoreError) -> EventRecord?

    /// The event with this sequence number, with its delivery history.
    func event(sequence: EventSequence) async throws(StoreError) -> EventRecord?

    /// Accepted events in acceptance order (for `gerbang tail`).
    func history(_ query: HistoryQuery) async throws(StoreError) -> [StoredEvent]

    /// Counters of the write path (transactions, operations, batch sizes).
    func writeStatistics() async -> StoreWriteStatistics

    // MARK: Housekeeping

    /// Deletes fully acknowledged events older than the retention period (bounded per call).
    /// The retention is never shorter than the de-duplication window, so an event is
    /// remembered for de-duplication at least as long as the window; how long an event is a
    /// duplicate's original is decided by comparing acceptance times, not by pruning.
    func prune(now: Date) async throws(StoreError) -> PruneReport

    /// Finishes the writes in hand and closes the store; later calls fail with
    /// ``StoreErrorReason/closed``.
    func close() async
}
