import Admin
import Foundation
import GMP
import Routing
import Store

extension BrokerLoop {
    /// Every tick: heartbeats, forgetting expired leases, closing connections without a session
    /// past the HELLO timeout, and the store timer (lease expiry,
    /// due retries, when `nextScheduledTransition` says one is due) in a task.
    func onTick() {
        let now = clock.now
        let wallNow = Date()
        watchWallClock(wall: wallNow, monotonic: now)
        for session in Array(sessions.values) {
            if session.heartbeat.isPeerGone(at: now) {
                end(session, reason: .sessionHeartbeatTimeout)
                continue
            }
            if session.heartbeat.isHeartbeatDue(at: now) { send(.heartbeat, to: session.routingID) }
            let expired = session.inFlight.filter { $0.value.leaseDeadline <= wallNow }.map(\.key)
            for id in expired { session.inFlight.removeValue(forKey: id) }
            session.mayHaveWork = true
        }
        closeIdleConnections()
        guard !timerRunning else { return }
        timerRunning = true
        let store = services.store
        let mailbox = mailbox
        let waker = waker
        let logger = logger
        let shift = pendingScheduleShift
        pendingScheduleShift = .zero
        Task {
            var changed = 0
            var unappliedShift = shift
            do throws(StoreError) {
                // After a wall-clock jump, the schedule moves with the clock before anything is due.
                if shift != .zero {
                    let moved = try await store.shiftSchedule(by: shift)
                    unappliedShift = .zero
                    logger.notice("lease deadlines and retry times moved by the wall-clock jump",
                                  metadata: ["deliveries": "\(moved)", "shiftMs": "\(shift.wholeMilliseconds)"])
                }
                // A read first: the writes (and their fsync) only when a lease or retry is due.
                // Due as of the tick's wall-clock reading, the one the jump detection above
                // compared: a jump after it is detected (and the schedule moved) on the next tick
                // before anything is due by it. Reading the clock again here, when the task runs
                // (later on a busy machine), would make every retry due at once after a jump
                // forward that the watch has not seen yet.
                if let next = try await store.nextScheduledTransition(), next <= wallNow {
                    changed += try await store.expireLeases(now: wallNow)
                    changed += try await store.promoteDueRetries(now: wallNow)
                }
            } catch {
                logger.error("delivery timer failed", metadata: ["reason": "\(error.reason.rawValue)"])
            }
            mailbox.post(.timerDone(changed: changed, unappliedShift: unappliedShift))
            try? waker.wake()
        }
    }

    /// Starts one claim task per session that has free credit and may have work.
    func startClaims() {
        for session in sessions.values
        where session.mayHaveWork && !session.claimOutstanding && session.freeCredit > 0 && !session.subscriptions.isEmpty {
            session.claimOutstanding = true
            session.mayHaveWork = false
            let limit = session.freeCredit
            let subscriptions = session.subscriptions
            let consumer = session.consumer
            let sessionID = session.id
            let store = services.store
            let mailbox = mailbox
            let waker = waker
            let logger = logger
            let tail = services.tail
            let subscriber = "\(session.agency)/\(session.adapter)"
            let auditor = claimAuditor
            Task {
                var claimed: [ClaimedDelivery] = []
                for subscription in subscriptions.shuffled() where claimed.count < limit {
                    do throws(StoreError) {
                        let now = Date()
                        let batch = try await store.claim(
                            subscription: SubscriptionID(subscription.id), consumer: consumer, limit: limit - claimed.count,
                            ordering: subscription.deliveryOrdering,
                            leaseDeadline: now.addingTimeInterval(Double(subscription.leaseMilliseconds) / 1_000), now: now)
                        let policy = subscription.retry
                        if claimed.isEmpty, !batch.contains(where: { policy.isExhausted(afterAttempt: $0.attempt - 1) }) {
                            // The usual case: the batch as it is, without copying each delivery.
                            claimed = batch
                            continue
                        }
                        for delivery in batch {
                            if policy.isExhausted(afterAttempt: delivery.attempt - 1) {
                                _ = try await store.deadLetter(
                                    delivery.id, by: consumer,
                                    failure: DeliveryFailure(reason: "delivery.max-attempts",
                                                             detail: "\(subscription.retry.maxAttempts) attempts without an answer"),
                                    now: Date())
                                tail.emit(ObservedEvent(delivery.event).line(
                                    .deadLettered, subscription: subscription.id, subscriber: subscriber,
                                    attempt: delivery.attempt, deliveryID: delivery.id.rawValue, reason: "delivery.max-attempts"))
                            } else {
                                claimed.append(delivery)
                            }
                        }
                    } catch {
                        logger.error("claim failed", metadata: ["subscription": "\(subscription.id)",
                                                                 "reason": "\(error.reason.rawValue)"])
                    }
                }
                await auditor.recordClaim(claimed, consumer: consumer)
                mailbox.post(.claimed(sessionID: sessionID, consumer: consumer, deliveries: claimed))
                try? waker.wake()
            }
        }
    }

    /// Sends the claimed deliveries; a session gone meanwhile gets them released.
    func deliver(_ deliveries: [ClaimedDelivery], sessionID: UInt64, consumer: ConsumerID) {
        guard let session = sessionsByID[sessionID] else {
            // The session ended while the claim ran: its release may have run first, so release again.
            if !deliveries.isEmpty { release(consumer) }
            return
        }
        session.claimOutstanding = false
        if !deliveries.isEmpty { session.mayHaveWork = true }
        // A claim's deliveries come in runs of one subscription: looked up when the run changes,
        // and counted for the tail once per subscription.
        var delivered = [Int](repeating: 0, count: session.subscriptions.count)
        defer {
            for (index, count) in delivered.enumerated() where count > 0 {
                services.tail.countDelivered(subscription: session.subscriptions[index].id, count: count)
            }
        }
        var index = 0
        for delivery in deliveries {
            if !session.subscriptions.indices.contains(index) || session.subscriptions[index].id != delivery.subscription.rawValue {
                guard let found = session.subscriptions.firstIndex(where: { $0.id == delivery.subscription.rawValue }) else { continue }
                index = found
            }
            delivered[index] += 1
            let id = UInt64(bitPattern: delivery.id.rawValue)
            services.metrics.delivered(attempt: delivery.attempt, acceptedAt: delivery.event.acceptedAt, now: Date())
            let observed = ObservedEvent(delivery.event)
            services.tail.emit(observed.line(.delivered, subscription: session.subscriptions[index].id,
                                             subscriber: session.subscriber, attempt: delivery.attempt,
                                             deliveryID: delivery.id.rawValue))
            session.inFlight[id] = .init(subscriptionIndex: index, attempt: delivery.attempt,
                                         leaseDeadline: delivery.leaseDeadline, event: observed)
            send(.deliver(.init(deliveryID: id, sequence: UInt64(bitPattern: delivery.event.sequence.rawValue),
                                attempt: UInt32(clamping: delivery.attempt),
                                leaseMilliseconds: UInt32(clamping: session.subscriptions[index].leaseMilliseconds),
                                subscription: session.subscriptions[index].id, event: delivery.event.body)),
                 to: session.routingID)
            if sessionsByID[sessionID] == nil { return }
        }
    }

    /// ACK of an in-flight delivery (one id of an ACK message): collected, and acknowledged in the
    /// store with the session's other ACKs of this loop turn (``flushAcknowledgements()``).
    /// Others are ignored (6.2).
    func settleAck(_ deliveryID: UInt64, session: BrokerSession) {
        guard let inFlight = session.inFlight.removeValue(forKey: deliveryID) else { return }
        session.mayHaveWork = true
        services.tail.emit(inFlight.event.line(.acknowledged, subscription: session.subscriptions[inFlight.subscriptionIndex].id,
                                               subscriber: session.subscriber, attempt: inFlight.attempt,
                                               deliveryID: Int64(bitPattern: deliveryID)))
        services.metrics.acknowledged()
        session.pendingAcknowledgements.append(DeliveryID(Int64(bitPattern: deliveryID)))
    }

    /// Once per loop turn: each session's ACKs of the turn go to the store as one operation
    /// (`acknowledge(_:by:now:)` with a list) in one task, instead of a task and a group-commit
    /// operation (with its savepoint) per ACK, which made ACKs the largest share of the store
    /// writer's time under load (benchmark `w1`, docs/benchmarks.md).
    func flushAcknowledgements() {
        for session in sessions.values where !session.pendingAcknowledgements.isEmpty {
            let deliveries = session.pendingAcknowledgements
            session.pendingAcknowledgements.removeAll(keepingCapacity: true)
            let store = services.store
            let consumer = session.consumer
            let logger = logger
            Task {
                do throws(StoreError) {
                    let outcomes = try await store.acknowledge(deliveries, by: consumer, now: Date())
                    let notApplied = outcomes.filter { $0 != .applied }.count
                    if notApplied > 0 {
                        logger.debug("acks not applied", metadata: ["count": "\(notApplied)", "of": "\(deliveries.count)"])
                    }
                } catch {
                    logger.error("answer failed", metadata: ["answer": "ack", "count": "\(deliveries.count)",
                                                             "reason": "\(error.reason.rawValue)"])
                }
            }
        }
    }

    /// NACK: retry after the backoff (or the requested delay), or the dead letters when
    /// permanent or after the maximum attempts.
    func settleNack(_ nack: GMPMessage.Nack, session: BrokerSession) {
        guard let inFlight = session.inFlight.removeValue(forKey: nack.deliveryID) else { return }
        session.mayHaveWork = true
        let id = DeliveryID(Int64(bitPattern: nack.deliveryID))
        let policy = session.subscriptions[inFlight.subscriptionIndex].retry
        switch nack.disposition {
        case .permanent:
            emit(.deadLettered, inFlight, session: session, nack: nack)
            let failure = DeliveryFailure(reason: nack.reason, detail: nack.message)
            services.metrics.deadLettered()
            settle(session: session, description: "nack permanent") { store, consumer throws(StoreError) in
                try await store.deadLetter(id, by: consumer, failure: failure, now: Date())
            }
        case .retry(let requested):
            if policy.isExhausted(afterAttempt: inFlight.attempt) {
                emit(.deadLettered, inFlight, session: session, nack: nack)
                let failure = DeliveryFailure(
                    reason: nack.reason, detail: "maximum attempts (\(policy.maxAttempts)) reached: \(nack.message)")
                services.metrics.deadLettered()
                settle(session: session, description: "nack max attempts") { store, consumer throws(StoreError) in
                    try await store.deadLetter(id, by: consumer, failure: failure, now: Date())
                }
            } else {
                let delay = policy.delay(forAttempt: inFlight.attempt, requested: .milliseconds(Int(requested)))
                let (seconds, attoseconds) = delay.components
                let delaySeconds = Double(seconds) + Double(attoseconds) / 1e18
                let failure = DeliveryFailure(reason: nack.reason, detail: nack.message)
                emit(.retried, inFlight, session: session, nack: nack)
                services.metrics.retried()
                settle(session: session, description: "nack retry") { store, consumer throws(StoreError) in
                    let now = Date()
                    return try await store.scheduleRetry(id, by: consumer, retryAt: now.addingTimeInterval(delaySeconds),
                                                         failure: failure, now: now)
                }
            }
        }
    }

    /// The tail line of a NACK's outcome.
    private func emit(_ status: TailStatus, _ inFlight: BrokerSession.InFlight, session: BrokerSession, nack: GMPMessage.Nack) {
        services.tail.emit(inFlight.event.line(status, subscription: session.subscriptions[inFlight.subscriptionIndex].id,
                                               subscriber: session.subscriber, attempt: inFlight.attempt,
                                               deliveryID: Int64(bitPattern: nack.deliveryID), reason: nack.reason))
    }

    private func settle(
        session: BrokerSession, description: String,
        _ body: @escaping @Sendable (any EventStore, ConsumerID) async throws(StoreError) -> SettleOutcome
    ) {
        let store = services.store
        let consumer = session.consumer
        let logger = logger
        Task {
            do throws(StoreError) {
                let outcome = try await body(store, consumer)
                if outcome != .applied {
                    logger.debug("answer not applied", metadata: ["answer": "\(description)", "outcome": "\(outcome)"])
                }
            } catch {
                logger.error("answer failed", metadata: ["answer": "\(description)", "reason": "\(error.reason.rawValue)"])
            }
        }
    }
}
