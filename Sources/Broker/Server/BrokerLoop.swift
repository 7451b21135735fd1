import Admin
import Foundation
import GMP
import Logging
import Routing
import Store
import Synchronization
import ZeroMQ

/// The broker's socket thread: polls the adapter ROUTER and the wake-up PAIR, decodes GMP,
/// keeps the sessions, and starts tasks for the work that must not block it (the publish
/// pipeline, store claims and answers, timers). Tasks post their results to the
/// ``LoopMailbox`` and wake the thread. Not `Sendable`: created, used and dropped on its
/// `IOThread`.
final class BrokerLoop {
    let services: BrokerServices
    /// This node: its id and incarnation prefix every session's consumer id.
    let node: NodeIdentity
    let router: Socket
    let wakeReceiver: Socket
    /// The receiving end of the ROUTER's socket monitor (ACCEPTED, DISCONNECTED), or nil.
    let monitor: Socket?
    let waker: Waker
    let mailbox: LoopMailbox
    let stopRequested: StopSignal
    let logger: Logger
    /// Records claims and releases when `audit.record-claims` is on.
    let claimAuditor: ClaimAuditor
    let limits: GMPLimits
    var sessions: [[UInt8]: BrokerSession] = [:]
    var sessionsByID: [UInt64: BrokerSession] = [:]
    var lastErrorSent: [[UInt8]: ContinuousClock.Instant] = [:]
    /// Messages waiting for a full peer, per connection, in order (see ``send(_:to:)``).
    var outbound: [[UInt8]: [[[UInt8]]]] = [:]
    private var nextSessionID: UInt64 = 1
    /// Which routing id arrived on which connection (socket monitor → sessions).
    let connections = ConnectionTracker()
    /// Routing ids whose connection the monitor reported closed, to end after the next read.
    var disconnectedPeers: [[UInt8]] = []
    private var pendingPublishes = 0
    private let rateLimiter: AgencyRateLimiter
    var timerRunning = false
    /// Compares the wall clock with the monotonic clock on every tick (``watchWallClock(wall:monotonic:)``).
    var wallClockWatch: WallClockWatch
    /// A wall-clock jump detected but not yet applied to the store's schedule (the timer task
    /// applies it before it expires leases or promotes retries).
    var pendingScheduleShift: Duration = .zero
    private var nextTick: ContinuousClock.Instant
    let clock = ContinuousClock()

    init(services: BrokerServices, node: NodeIdentity, router: Socket, wakeReceiver: Socket, monitor: Socket?, waker: Waker, mailbox: LoopMailbox,
         stopRequested: StopSignal, logger: Logger) {
        self.services = services
        self.node = node
        self.router = router
        self.wakeReceiver = wakeReceiver
        self.monitor = monitor
        self.waker = waker
        self.mailbox = mailbox
        self.stopRequested = stopRequested
        self.logger = logger
        claimAuditor = ClaimAuditor(services, logger: logger)
        let configured = services.configuration.limits
        // max_frames follows the configured batch and subscription limits (513 for the defaults),
        // so that a PUBLISH of max-events-per-publish events always fits.
        limits = GMPLimits(maxFrames: max(1 + 2 * configured.maxEventsPerPublish, 4 + configured.maxSubscriptions),
                           maxFrameBytes: configured.maxFrameBytes, maxEventsPerPublish: configured.maxEventsPerPublish,
                           maxSubscriptions: configured.maxSubscriptions)
        nextTick = ContinuousClock.now
        wallClockWatch = WallClockWatch(threshold: .milliseconds(services.configuration.delivery.clockJumpThresholdMilliseconds),
                                        wall: Date(), monotonic: ContinuousClock.now)
        rateLimiter = AgencyRateLimiter(rates: configured)
    }

    private var tick: Duration { .milliseconds(services.configuration.delivery.tickMilliseconds) }

    /// Runs until a stop is requested, then drains: stops reading, waits (at most
    /// `drainTimeout`) for the publishes in hand to be answered, says BYE to every session.
    func run(drainTimeout: Duration = .seconds(10)) {
        let poller = Poller()
        let routerToken = poller.register(router)
        let wakeToken = poller.register(wakeReceiver)
        let monitorToken = monitor.map { poller.register($0) }
        while !stopRequested.isSet {
            // With messages waiting for full peers, poll briefly so that they are retried soon.
            let untilTick = max(.zero, nextTick - clock.now)
            let timeout = outbound.isEmpty ? untilTick : min(.milliseconds(5), untilTick)
            do {
                _ = try poller.poll(timeout: timeout)
                if poller.isReadable(wakeToken) { try Waker.drain(wakeReceiver) }
                if let monitorToken, poller.isReadable(monitorToken) { drainMonitor() }
                if poller.isReadable(routerToken) { receiveAvailable() }
                // After the read: the messages a closed peer sent before it went are handled first.
                endDisconnectedSessions()
            } catch {
                logger.error("poll failed", metadata: ["error": "\(error)"])
            }
            handleSignals()
            flushOutbound()
            if clock.now >= nextTick {
                onTick()
                nextTick = clock.now + tick
            }
            flushAcknowledgements()
            startClaims()
        }
        logger.info("stopping: no longer reading; finishing the publishes in hand", metadata: ["pending": "\(pendingPublishes)"])
        let deadline = clock.now + drainTimeout
        let drainPoller = Poller()
        let drainWake = drainPoller.register(wakeReceiver)
        while pendingPublishes > 0 && clock.now < deadline {
            _ = try? drainPoller.poll(timeout: .milliseconds(50))
            if drainPoller.isReadable(drainWake) { _ = try? Waker.drain(wakeReceiver) }
            handleSignals()
            flushOutbound()
        }
        flushAcknowledgements()
        for session in sessions.values {
            send(.bye(.init(reason: .sessionShuttingDown)), to: session.routingID)
        }
        sessions.removeAll()
        sessionsByID.removeAll()
    }

    // MARK: Receiving

    private func receiveAvailable() {
        // Bounded per wake-up so that timers and answers are not starved.
        for _ in 0..<1_000 {
            let frames: [Message]
            do {
                frames = try receiveMessage()
            } catch where error.wouldBlock {
                return
            } catch {
                logger.warning("receive failed", metadata: ["error": "\(error.reason.rawValue)"])
                continue
            }
            guard frames.count >= 1 else { continue }
            let routingID = frames[0].bytes
            // The routing-id frame libzmq prepends carries no metadata; the peer's first frame does.
            if !connections.knows(routingID), frames.count > 1, let descriptor = frames[1].sourceFileDescriptor {
                // Every monitor event queued so far first, so that the binding sees this
                // connection's ACCEPTED (see ConnectionTracker).
                drainMonitor()
                connections.bind(routingID, descriptor: descriptor)
            }
            let userID = frames.count > 1 ? frames[1].userID : nil
            handle(routingID: routingID, agency: userID, frames: frames.dropFirst().map(\.bytes))
        }
    }

    private func handle(routingID: [UInt8], agency: String?, frames: [[UInt8]]) {
        let session = sessions[routingID]
        session?.heartbeat.didReceive(at: clock.now)
        let message: GMPMessage
        do {
            message = try GMPMessage(decoding: frames, limits: limits, from: .adapter)
        } catch {
            // Never answer an ERROR with an ERROR, whatever its version (ERROR's code is frozen).
            if let header = frames.first, header.count >= 5, header.starts(with: Array("GMP".utf8)),
               header[4] == GMPCommand.error.rawValue {
                if let session { end(session, reason: error.reason) }
                return
            }
            sendError(.init(error), to: routingID)
            if let session { end(session, reason: error.reason) }
            return
        }
        guard let agency else {
            sendError(.init(reason: .brokerInternal, detail: "the connection carries no authenticated agency"), to: routingID)
            return
        }
        guard let session else {
            switch message.command.withoutSession {
            case .openSession:
                if case .hello(let hello) = message { openSession(hello, routingID: routingID, agency: agency) }
            case .answerHelloRequired:
                sendError(.init(reason: .protocolHelloRequired, detail: "send HELLO first"), to: routingID)
            case .ignore:
                return
            case .answerUnexpected:
                sendError(.init(reason: .protocolUnexpectedCommand, detail: "\(message.command.name) is sent by the broker"),
                          to: routingID)
            }
            return
        }
        switch message {
        case .hello(let hello):
            end(session, reason: .sessionClosed)
            openSession(hello, routingID: routingID, agency: agency)
        case .heartbeat:
            break
        case .bye:
            end(session, reason: .sessionClosed)
        case .error(let error):
            logger.notice("adapter sent ERROR", metadata: ["session": "\(session.id)", "reason": "\(error.reason.rawValue)"])
            end(session, reason: error.reason)
        case .publish(let publish):
            startPublish(publish, session: session)
        case .credit(let credit):
            session.credit = min(Int(credit.credit), services.configuration.limits.maxCredit)
            session.mayHaveWork = true
        case .ack(let ack):
            for deliveryID in ack.deliveryIDs { settleAck(deliveryID, session: session) }
        case .nack(let nack):
            settleNack(nack, session: session)
        case .welcome, .accepted, .rejected, .deliver:
            sendError(.init(reason: .protocolUnexpectedCommand, detail: "\(message.command.name) is sent by the broker"),
                      to: routingID)
            end(session, reason: .protocolUnexpectedCommand)
        }
    }

    // MARK: Sessions

    private func openSession(_ hello: GMPMessage.Hello, routingID: [UInt8], agency: String) {
        guard hello.agency == agency else {
            sendError(.init(reason: .authAgencyMismatch,
                            detail: "HELLO names `\(hello.agency)` but the CURVE key belongs to `\(agency)`"), to: routingID)
            return
        }
        let granted: [Subscription]
        switch grant(agency: agency, adapter: hello.adapterName, requested: hello.subscriptions) {
        case .granted(let subscriptions):
            granted = subscriptions
        case .refused(let refusal):
            sendError(refusal, to: routingID)
            return
        }
        let configuration = services.configuration
        let welcome = GMPMessage.Welcome(
            sessionID: nextSessionID,
            heartbeatIntervalMilliseconds: UInt32(configuration.heartbeat.intervalMilliseconds),
            heartbeatLiveness: UInt8(configuration.heartbeat.liveness),
            maxFrameBytes: UInt32(configuration.limits.maxFrameBytes),
            maxEventBytes: UInt32(configuration.limits.maxEventBytes),
            maxEventsPerPublish: UInt16(configuration.limits.maxEventsPerPublish),
            maxCredit: UInt32(configuration.limits.maxCredit),
            leaseMilliseconds: UInt32(clamping: granted.map(\.leaseMilliseconds).min()
                ?? Int(RetryPolicy.defaultVisibilityTimeout.components.seconds) * 1_000),
            brokerID: "\(configuration.brokerName)/\(BrokerServer.version)",
            subscriptions: granted.map(\.id))
        let session = BrokerSession(id: nextSessionID, routingID: routingID, agency: agency, adapter: hello.adapterName,
                                    adapterVersion: hello.adapterVersion,
                                    consumer: node.consumer(agency: agency, adapter: hello.adapterName, session: nextSessionID), subscriptions: granted, requested: hello.subscriptions,
                                    heartbeat: GMPHeartbeat(welcome, now: clock.now))
        nextSessionID += 1
        sessions[routingID] = session
        sessionsByID[session.id] = session
        connections.sessionOpened(routingID)
        logger.info("session opened", metadata: ["session": "\(session.id)", "agency": "\(agency)",
                                                 "adapter": "\(hello.adapterName)", "version": "\(hello.adapterVersion)",
                                                 "subscriptions": "\(granted.map(\.id))"])
        send(.welcome(welcome), to: routingID)
    }

    /// The subscriptions the routes in force give for a HELLO: those requested, or all of the
    /// adapter's when none were; ERROR `route.unknown-subscription` for one the routes do not give.
    private enum Grant {
        case granted([Subscription])
        case refused(GMPMessage.SessionError)
    }

    private func grant(agency: String, adapter: String, requested: [String]) -> Grant {
        let available = services.routes.current.subscriptions(agency: agency, adapter: adapter)
        guard !requested.isEmpty else { return .granted(available) }
        var granted: [Subscription] = []
        for name in requested {
            guard let subscription = available.first(where: { $0.id == name }) else {
                return .refused(.init(reason: .routeUnknownSubscription,
                                      detail: "the routes give `\(agency)/\(adapter)` no subscription `\(name)`"))
            }
            if !granted.contains(subscription) { granted.append(subscription) }
        }
        return .granted(granted)
    }

    /// After a routes reload: a session whose grant would now differ (a subscription removed,
    /// added or changed) gets BYE `session.closed` and ends, so that the adapter says HELLO again
    /// and gets the new grant.
    func recheckGrants() {
        for session in Array(sessions.values) {
            let now = grant(agency: session.agency, adapter: session.adapter, requested: session.requested)
            if case .granted(let subscriptions) = now, subscriptions == session.subscriptions { continue }
            logger.notice("routes changed for this session; ending it", metadata: ["session": "\(session.id)"])
            send(.bye(.init(reason: .sessionClosed)), to: session.routingID)
            end(session, reason: .sessionClosed)
        }
    }

    /// Ends a session: forgets it and returns its in-flight deliveries to ready.
    func end(_ session: BrokerSession, reason: ReasonCode) {
        guard sessionsByID.removeValue(forKey: session.id) != nil else { return }
        services.metrics.sessionEnded(reason)
        if sessions[session.routingID] === session { sessions.removeValue(forKey: session.routingID) }
        connections.sessionEnded(session.routingID, at: clock.now)
        logger.info("session ended", metadata: ["session": "\(session.id)", "reason": "\(reason.rawValue)",
                                                "inFlight": "\(session.inFlight.count)"])
        let acknowledged = session.pendingAcknowledgements
        session.pendingAcknowledgements.removeAll()
        release(session.consumer, acknowledgingFirst: acknowledged)
    }

    /// Returns a consumer's in-flight deliveries to ready, in a task; the ACKs it sent before it
    /// went are applied first, in the same task, so that they are not redelivered.
    func release(_ consumer: ConsumerID, acknowledgingFirst acknowledged: [DeliveryID] = []) {
        let store = services.store
        let mailbox = mailbox
        let waker = waker
        let logger = logger
        let auditor = claimAuditor
        Task {
            do throws(StoreError) {
                if !acknowledged.isEmpty { _ = try await store.acknowledge(acknowledged, by: consumer, now: Date()) }
                let releasedAt = Date()
                let released = try await store.releaseDeliveries(of: consumer, now: releasedAt)
                await auditor.recordRelease(of: consumer, count: released, releasedAt: releasedAt)
                mailbox.post(.released(changed: released))
                try? waker.wake()
            } catch {
                logger.error("release failed", metadata: ["consumer": "\(consumer)", "reason": "\(error.reason.rawValue)"])
            }
        }
    }

    // MARK: Sending

    /// Sends without ever blocking the loop: when the peer's queue is full (its high-water mark),
    /// the message waits in the connection's outbound queue and is retried on every loop turn,
    /// in order; a queue beyond `limits.max-outbound-per-connection` ends the session (the peer
    /// does not read). A peer that is gone ends the session.
    func send(_ message: GMPMessage, to routingID: [UInt8]) {
        let frames: [[UInt8]]
        do {
            frames = try message.encode()
        } catch {
            logger.error("encode failed", metadata: ["command": "\(message.command.name)", "error": "\(error)"])
            return
        }
        if outbound[routingID] != nil {
            enqueue(frames, to: routingID)
            return
        }
        switch transmit(frames, to: routingID) {
        case .sent: sessions[routingID]?.heartbeat.didSend(at: clock.now)
        case .full: enqueue(frames, to: routingID)
        case .gone: break
        }
    }

    private enum Transmission { case sent, full, gone }

    private func transmit(_ frames: [[UInt8]], to routingID: [UInt8]) -> Transmission {
        do {
            try router.send(multipart: [routingID] + frames, flags: .dontWait)
            return .sent
        } catch where error.wouldBlock {
            return .full
        } catch {
            logger.notice("send failed", metadata: ["error": "\(error.reason.rawValue)"])
            outbound.removeValue(forKey: routingID)
            if let session = sessions[routingID] { end(session, reason: .sessionClosed) }
            return .gone
        }
    }

    private func enqueue(_ frames: [[UInt8]], to routingID: [UInt8]) {
        outbound[routingID, default: []].append(frames)
        if outbound[routingID]!.count > services.configuration.limits.maxOutboundPerConnection {
            logger.warning("peer does not read; ending its session", metadata: ["queued": "\(outbound[routingID]!.count)"])
            outbound.removeValue(forKey: routingID)
            if let session = sessions[routingID] { end(session, reason: .sessionClosed) }
        }
    }

    /// Retries the queued messages of every connection, in order, until a peer is full again.
    func flushOutbound() {
        for routingID in Array(outbound.keys) {
            guard var queue = outbound[routingID] else { continue }
            var sent = 0
            loop: while sent < queue.count {
                switch transmit(queue[sent], to: routingID) {
                case .sent: sent += 1
                case .full: break loop
                case .gone: break loop
                }
            }
            guard outbound[routingID] != nil else { continue }
            queue.removeFirst(sent)
            if sent > 0 { sessions[routingID]?.heartbeat.didSend(at: clock.now) }
            outbound[routingID] = queue.isEmpty ? nil : queue
        }
    }

    /// Sends ERROR at most once per `limits.error-interval-ms` per connection.
    private func sendError(_ error: GMPMessage.SessionError, to routingID: [UInt8]) {
        let now = clock.now
        if let last = lastErrorSent[routingID],
           now - last < .milliseconds(services.configuration.limits.errorIntervalMilliseconds) { return }
        if lastErrorSent.count > 10_000 { lastErrorSent.removeAll() }
        lastErrorSent[routingID] = now
        logger.info("protocol error", metadata: ["reason": "\(error.reason.rawValue)"])
        send(.error(error), to: routingID)
    }

    // MARK: Publishing

    private func startPublish(_ publish: GMPMessage.Publish, session: BrokerSession) {
        var admitted: [(tag: UInt64, bytes: [UInt8])] = []
        admitted.reserveCapacity(publish.events.count)
        for event in publish.events {
            guard pendingPublishes < services.configuration.limits.maxPendingPublishes else {
                services.tail.emit(TailLine(time: Date(), status: .rejected, type: "", source: session.agency,
                                            reason: ReasonCode.flowOverloaded.rawValue))
                send(.rejected(.init(tag: event.tag, reason: .flowOverloaded,
                                     message: "the broker holds its maximum of pending publishes")), to: session.routingID)
                auditFlowRejection(.flowOverloaded, agency: session.agency)
                continue
            }
            guard rateLimiter.admit(session.agency, now: clock.now) else {
                services.tail.emit(TailLine(time: Date(), status: .rejected, type: "", source: session.agency,
                                            reason: ReasonCode.flowRateLimited.rawValue))
                services.metrics.answered(.rejected(.init(tag: event.tag, reason: .flowRateLimited)), latency: 0)
                services.metrics.rateLimited(agency: session.agency)
                send(.rejected(.init(tag: event.tag, reason: .flowRateLimited,
                                     message: "`\(session.agency)` publishes faster than its configured rate")), to: session.routingID)
                auditFlowRejection(.flowRateLimited, agency: session.agency)
                continue
            }
            pendingPublishes += 1
            services.metrics.eventPublished()
            admitted.append((event.tag, event.event))
        }
        // A task per chunk of the PUBLISH: the chunk's checks run one after the other in it and
        // its events go to the store in one write; several chunks keep every core busy.
        var start = 0
        while start < admitted.count {
            let end = min(start + Self.publishChunkSize, admitted.count)
            process(Array(admitted[start..<end]), session: session)
            start = end
        }
    }

    /// The most events of one PUBLISH that one task checks and appends together: the task, the
    /// store write and the answer to the loop are shared by up to this many events. A chunk's
    /// checks run one after the other (~0.1 ms of CPU per event), so it bounds what a large
    /// PUBLISH adds to its last event's latency, while the other chunks run on the other cores.
    /// 16 measured best in w1 (8: ~5 % more CPU per event; 32: no better; docs/benchmarks.md).
    static let publishChunkSize = 16

    /// Runs the pipeline for `events` in a task and hands their answers to the loop.
    private func process(_ events: [(tag: UInt64, bytes: [UInt8])], session: BrokerSession) {
        let metrics = services.metrics
        let pipeline = services.pipeline
        let mailbox = mailbox
        let waker = waker
        let sessionID = session.id
        let agency = session.agency
        let tail = services.tail
        Task {
            let started = ContinuousClock.now
            let outcomes = await pipeline.processObserved(events, agency: agency, observe: tail.isActive)
            let elapsed = ContinuousClock.now - started
            let latency = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var stored = false
            for (answer, line) in outcomes {
                if let line { tail.emit(line) }
                metrics.answered(answer, latency: latency)
                if case .accepted(let accepted) = answer, !accepted.duplicate { stored = true }
            }
            mailbox.post(.publishAnswered(sessionID: sessionID, answers: outcomes.map(\.answer), storedForSubscribers: stored))
            try? waker.wake()
        }
    }

    func handleSignals() {
        for signal in mailbox.takeAll() {
            switch signal {
            case .publishAnswered(let sessionID, let answers, let stored):
                pendingPublishes -= answers.count
                if let session = sessionsByID[sessionID] {
                    for answer in answers { send(answer, to: session.routingID) }
                }
                if stored { for session in sessions.values { session.mayHaveWork = true } }
            case .claimed(let sessionID, let consumer, let deliveries):
                deliver(deliveries, sessionID: sessionID, consumer: consumer)
            case .timerDone(let changed, let unappliedShift):
                timerRunning = false
                pendingScheduleShift += unappliedShift
                if changed > 0 { for session in sessions.values { session.mayHaveWork = true } }
            case .released(let changed):
                if changed > 0 { for session in sessions.values { session.mayHaveWork = true } }
            case .deliveriesReady(let subscriptions):
                let ready = Set(subscriptions)
                let any = ready.contains("*")
                for session in sessions.values where any || session.subscriptions.contains(where: { ready.contains($0.id) }) {
                    session.mayHaveWork = true
                }
            case .routesChanged:
                recheckGrants()
            case .adapterSnapshot(let reply):
                reply(adapterReports())
            }
        }
    }
}
