extension ClientLoop {
    /// Applies one command from a caller.
    func handle(_ command: ClientCommand, now: ContinuousClock.Instant) {
        switch command {
        case .publish(let request):
            if closing != nil {
                request.completion?.complete(.failure(GerbangClientError(.closed, "the client is closing")))
            } else if queue.count + unanswered.count >= configuration.maxQueuedPublishes {
                if let id = request.outboxID { confirmedOutboxIDs.append(id) }
                request.completion?.complete(.failure(GerbangClientError(
                    .queueFull, "\(configuration.maxQueuedPublishes) events already wait to be sent or answered")))
            } else {
                queue.append(request)
            }
        case .answer(.ack(let ack)):
            // Sent with the turn's other ACKs in one message (`sendPendingAcks()`).
            pendingAckIDs.append(contentsOf: ack.deliveryIDs)
        case .answer(let message):
            // Without a session the answer is moot: the broker released the delivery already and
            // delivers it again.
            sendControl(message)
        case .openDeliveries(let generation, let continuation):
            deliveries?.finish()
            deliveries = continuation
            deliveryGeneration = generation
            updateCredit()
        case .closeDeliveries(let generation):
            guard generation == deliveryGeneration, deliveries != nil else { return }
            deliveries = nil
            updateCredit()
        case .waitForSession(let deadline, let continuation):
            if case .ready = phase, let session {
                continuation.resume(returning: .success(session))
            } else {
                sessionWaiters.append((deadline, continuation))
            }
        case .close(let continuation):
            if closing == nil { closing = (now + configuration.closeTimeout, []) }
            if let continuation { closing?.continuations.append(continuation) }
        }
    }

    /// Sends CREDIT when the wanted credit (the concurrency while a delivery stream is open,
    /// else 0) differs from the last one sent in this session.
    func updateCredit() {
        guard case .ready = phase, let session else { return }
        let wanted = deliveries == nil ? 0 : min(max(configuration.concurrency, 1), session.maxCredit)
        guard wanted != creditSent else { return }
        sendControl(.credit(.init(credit: wanted)))
        creditSent = wanted
    }
}
