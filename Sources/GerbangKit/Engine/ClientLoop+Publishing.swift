import GMP

extension ClientLoop {
    /// Sends queued events in PUBLISHes of up to the broker's batch size while the window of
    /// unanswered events has room. Everything queued since the last turn goes out together:
    /// concurrent publishes share one PUBLISH.
    func flushPublishes(now: ContinuousClock.Instant) {
        guard case .ready = phase, let session else { return }
        let window = max(configuration.maxUnansweredPublishes, 1)
        while !queue.isEmpty && unanswered.count < window {
            let batch = queue.popFirst(min(session.maxEventsPerPublish, window - unanswered.count))
            var events: [GMPMessage.Publish.Event] = []
            var tagged: [(UInt64, PublishRequest)] = []
            events.reserveCapacity(batch.count)
            tagged.reserveCapacity(batch.count)
            for request in batch {
                if request.event.count > session.maxEventBytes {
                    refuseTooLarge(request, limit: session.maxEventBytes)
                    continue
                }
                let tag = nextTag
                nextTag &+= 1
                events.append(.init(tag: tag, event: request.event))
                tagged.append((tag, request))
            }
            guard !events.isEmpty else { continue }
            guard let frames = try? GMPMessage.publish(.init(events: events)).encode(), send(frames) else {
                queue.prepend(tagged.map(\.1))
                return
            }
            for (tag, request) in tagged { unanswered[tag] = request }
        }
    }

    /// An event the broker would refuse for its size (and whose frame might make it drop the
    /// connection) is answered here, as the broker would.
    private func refuseTooLarge(_ request: PublishRequest, limit: Int) {
        if let id = request.outboxID { confirmedOutboxIDs.append(id) }
        request.completion?.complete(.failure(GerbangClientError(
            .rejected, brokerReason: .eventTooLarge,
            "the event has \(request.event.count) bytes; the broker accepts at most \(limit)")))
    }

    /// Fails publishes and session waits whose deadline passed (scanned every 100 ms). An
    /// outbox-backed event stays queued after its caller gave up: it is sent until answered.
    func expireWaits(now: ContinuousClock.Instant) {
        guard now >= nextTimeoutScan else { return }
        nextTimeoutScan = now + .milliseconds(100)
        let timeout = GerbangClientError(.publishTimeout, "no answer from the broker within \(configuration.publishTimeout)")
        if queue.contains(where: { $0.completion != nil && $0.deadline <= now }) {
            queue.update { request in
                guard let completion = request.completion, request.deadline <= now, request.outboxID != nil else { return }
                completion.complete(.failure(timeout))
                request.completion = nil
            }
            for expired in queue.removeAll(where: { $0.completion != nil && $0.deadline <= now && $0.outboxID == nil }) {
                expired.completion?.complete(.failure(timeout))
            }
        }
        for (tag, request) in unanswered where request.completion != nil && request.deadline <= now {
            request.completion?.complete(.failure(timeout))
            if request.outboxID == nil {
                unanswered.removeValue(forKey: tag)
            } else {
                unanswered[tag]?.completion = nil
            }
        }
        let waiting = sessionWaiters
        sessionWaiters = waiting.filter { $0.deadline > now }
        for waiter in waiting where waiter.deadline <= now {
            waiter.continuation.resume(returning: .failure(GerbangClientError(
                .connectTimeout, "no session with \(currentEndpoint) in time")))
        }
    }

    // MARK: Outbox

    /// Queues the outbox's outstanding events (left by an earlier run) before anything else.
    func loadOutbox() {
        guard let outbox else { return }
        do {
            let entries = try outbox.outstanding()
            let forever = ContinuousClock.now + .seconds(100 * 365 * 86_400)
            for entry in entries {
                queue.append(PublishRequest(event: entry.event, outboxID: entry.id, deadline: forever, completion: nil))
            }
            if !entries.isEmpty {
                logger.info("gerbangkit: sending again what the outbox holds", metadata: ["events": "\(entries.count)"])
            }
        } catch {
            logger.error("gerbangkit: cannot read the outbox", metadata: ["error": "\(error)"])
        }
    }

    /// Deletes answered events from the outbox, in one transaction per loop turn.
    func deleteConfirmedFromOutbox() {
        guard let outbox, !confirmedOutboxIDs.isEmpty else { return }
        do {
            try outbox.remove(confirmedOutboxIDs)
            confirmedOutboxIDs.removeAll(keepingCapacity: true)
        } catch {
            logger.error("gerbangkit: cannot delete answered events from the outbox", metadata: ["error": "\(error)"])
        }
    }
}
