import Envelope
import GMP

extension ClientLoop {
    /// Applies one decoded message from the broker.
    func handle(_ message: GMPMessage, now: ContinuousClock.Instant) {
        switch message {
        case .welcome(let welcome):
            guard case .awaitingWelcome = phase else {
                logger.warning("gerbangkit: WELCOME outside the handshake; ignored")
                return
            }
            let info = SessionInfo(welcome)
            session = info
            heartbeat = GMPHeartbeat(welcome, now: now)
            phase = .ready
            failedAttempts = 0
            logger.info("gerbangkit: session open", metadata: [
                "session": "\(info.sessionID)", "broker": "\(info.brokerID)",
                "subscriptions": "\(info.subscriptions.joined(separator: ","))",
                "to-send": "\(queue.count)",
            ])
            for waiter in sessionWaiters { waiter.continuation.resume(returning: .success(info)) }
            sessionWaiters.removeAll()
            updateCredit()
        case .heartbeat:
            break
        case .accepted(let accepted):
            guard let request = unanswered.removeValue(forKey: accepted.tag) else { return }
            if let id = request.outboxID { confirmedOutboxIDs.append(id) }
            request.completion?.complete(.success(Receipt(sequence: accepted.sequence, duplicate: accepted.duplicate)))
        case .rejected(let rejected):
            guard let request = unanswered.removeValue(forKey: rejected.tag) else { return }
            if let id = request.outboxID { confirmedOutboxIDs.append(id) }
            logger.notice("gerbangkit: event rejected", metadata: [
                "reason": "\(rejected.reason.rawValue)", "code": "\(rejected.specificCode)",
                "location": "\(rejected.location)",
            ])
            request.completion?.complete(.failure(GerbangClientError(rejected: rejected)))
        case .deliver(let deliver):
            handleDeliver(deliver, now: now)
        case .bye(let bye):
            logger.info("gerbangkit: broker said BYE", metadata: ["reason": "\(bye.reason.rawValue)"])
            dropConnection(now: now, reason: bye.reason.rawValue)
        case .error(let error):
            let permanent = Self.needsOperator(error.reason)
            logger.log(level: permanent ? .error : .warning, "gerbangkit: broker ended the session with ERROR",
                       metadata: ["reason": "\(error.reason.rawValue)", "detail": "\(error.detail)"])
            if permanent {
                refused = true
                let failure = GerbangClientError(.sessionRefused, brokerReason: error.reason, error.detail)
                for waiter in sessionWaiters { waiter.continuation.resume(returning: .failure(failure)) }
                sessionWaiters.removeAll()
            }
            dropConnection(now: now, reason: error.reason.rawValue)
        case .hello, .publish, .ack, .nack, .credit:
            // The decoder refuses adapter commands from the broker; kept for exhaustiveness.
            dropConnection(now: now, reason: ReasonCode.protocolUnexpectedCommand.rawValue)
        }
    }

    /// Reasons only a change of configuration or software can cure (`docs/protocol.md`, 9.2).
    static func needsOperator(_ reason: ReasonCode) -> Bool {
        reason.category == "auth" || reason == .routeUnknownSubscription || reason == .protocolUnsupportedVersion
    }

    private func handleDeliver(_ deliver: GMPMessage.Deliver, now: ContinuousClock.Instant) {
        guard let deliveries else {
            sendControl(.nack(.init(deliveryID: deliver.deliveryID, disposition: .retry(delayMilliseconds: 0),
                                    reason: "client.not-subscribed", message: "no delivery stream is open")))
            return
        }
        let event: CloudEvent
        do {
            event = try CloudEvent(parsing: deliver.event)
        } catch {
            sendControl(.nack(.init(deliveryID: deliver.deliveryID, disposition: .permanent,
                                    reason: "client.unparsable-event", message: error.description)))
            return
        }
        let delivery = Delivery(deliver, event: event, receivedAt: now, mailbox: mailbox)
        if case .terminated = deliveries.yield(delivery) {
            self.deliveries = nil
            updateCredit()
            sendControl(.nack(.init(deliveryID: deliver.deliveryID, disposition: .retry(delayMilliseconds: 0),
                                    reason: "client.not-subscribed", message: "the delivery stream ended")))
        }
    }
}
