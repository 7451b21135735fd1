import Envelope
import GMP
import Logging
import ZeroMQ

/// The client's I/O thread: owns the DEALER connected to the broker and the receiving end of the
/// ``ClientMailbox``'s waker, and runs the GMP/1 session (HELLO, publishing, delivery, heartbeats,
/// reconnects). Nothing else touches its sockets.
///
/// Not `Sendable`: created, used and dropped on one ``IOThread``. Callers talk to it only through
/// the mailbox; it answers through continuations and the delivery stream.
final class ClientLoop {
    /// Where a connection stands.
    enum Phase {
        /// No socket; the next attempt starts at `retryAt`.
        case disconnected(retryAt: ContinuousClock.Instant)
        /// HELLO sent; no WELCOME yet.
        case awaitingWelcome(deadline: ContinuousClock.Instant)
        /// A session is open.
        case ready
    }

    let configuration: GerbangClient.Configuration
    let logger: Logger
    let mailbox: ClientMailbox
    let outbox: PublisherOutbox?
    private let context: Context
    private let wakeReceiver: Socket

    var connection: Socket?
    private var poller = Poller()
    private var wakeToken: Poller.Token
    private var connectionToken: Poller.Token?

    var phase: Phase
    var session: SessionInfo?
    var heartbeat: GMPHeartbeat?
    var failedAttempts = 0
    /// Set after an ERROR that only configuration can cure: the next wait is the maximum backoff.
    var refused = false
    /// Which of [`endpoint`] + `failoverEndpoints` the next connection goes to.
    private var endpointIndex = 0

    /// The endpoint of the current (or next) connection.
    var currentEndpoint: String {
        let endpoints = [configuration.endpoint] + configuration.failoverEndpoints
        return endpoints[endpointIndex % endpoints.count]
    }

    var queue = PublishQueue()
    var unanswered: [UInt64: PublishRequest] = [:]
    var nextTag: UInt64 = 1
    var confirmedOutboxIDs: [Int64] = []
    var nextTimeoutScan: ContinuousClock.Instant

    var deliveries: AsyncStream<Delivery>.Continuation?
    var deliveryGeneration = 0
    var creditSent: UInt32 = 0
    /// ACK/NACK/CREDIT/HEARTBEAT frames that met a full pipe, sent before anything else.
    var controlBacklog: [[[UInt8]]] = []
    /// The delivery ids of the ACKs handed over in this loop turn: sent together as one ACK
    /// message (up to ``maxIDsPerAck`` ids each) once the turn's commands are handled.
    var pendingAckIDs: [UInt64] = []
    /// Most delivery ids in one ACK message: 8 KiB of ids, far below the broker's frame limit.
    static let maxIDsPerAck = 1_024

    var sessionWaiters: [(deadline: ContinuousClock.Instant, continuation: CheckedContinuation<Result<SessionInfo, GerbangClientError>, Never>)] = []
    var closing: (deadline: ContinuousClock.Instant, continuations: [CheckedContinuation<Void, Never>])?
    private(set) var finished = false

    /// The decoder's limits for the broker's messages: the protocol defaults (section 8).
    let limits = GMPLimits.default
    /// Most messages read from the broker per loop turn, so that commands are not starved.
    let receiveBatch = 1_024
    /// How long the final BYE may wait in libzmq after the socket is closed.
    static let closeLingerMilliseconds: Int32 = 200

    /// Creates the loop on its thread: binds the waker's receiving end at `wakeEndpoint`.
    init(configuration: GerbangClient.Configuration, logger: Logger, context: Context,
         mailbox: ClientMailbox, wakeEndpoint: String, outbox: PublisherOutbox?) throws(ZMQError) {
        self.configuration = configuration
        self.logger = logger
        self.context = context
        self.mailbox = mailbox
        self.outbox = outbox
        wakeReceiver = try Socket(.pair, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
        try wakeReceiver.bind(wakeEndpoint)
        wakeToken = poller.register(wakeReceiver)
        let now = ContinuousClock.now
        phase = .disconnected(retryAt: now)
        nextTimeoutScan = now
    }

    /// Runs until ``GerbangClient/close()`` has been handled.
    func run() {
        loadOutbox()
        while !finished {
            let now = ContinuousClock.now
            for command in mailbox.takeAll() { handle(command, now: now) }
            sendPendingAcks()
            advanceConnection(now: now)
            flushControl()
            flushPublishes(now: now)
            expireWaits(now: now)
            deleteConfirmedFromOutbox()
            if let closing, shouldFinishClosing(now: now, deadline: closing.deadline) {
                finish()
                break
            }
            let timeout = pollTimeout(now: now)
            do {
                try poller.poll(timeout: timeout)
            } catch {
                logger.error("gerbangkit: poll failed", metadata: ["error": "\(error)"])
            }
            if poller.isReadable(wakeToken) { _ = try? Waker.drain(wakeReceiver) }
            if let connectionToken, poller.isReadable(connectionToken) { receiveAvailable() }
        }
    }

    // MARK: Connection

    /// Opens a connection when one is due, and ends sessions whose time is up.
    private func advanceConnection(now: ContinuousClock.Instant) {
        switch phase {
        case .disconnected(let retryAt):
            guard closing == nil, now >= retryAt else { return }
            openConnection(now: now)
        case .awaitingWelcome(let deadline):
            if now >= deadline {
                logger.warning("gerbangkit: no WELCOME in time; connecting again",
                               metadata: ["endpoint": "\(currentEndpoint)"])
                dropConnection(now: now, reason: "connect timeout")
            }
        case .ready:
            guard var beat = heartbeat else { return }
            if beat.isPeerGone(at: now) {
                logger.warning("gerbangkit: broker silent; session ended",
                               metadata: ["reason": "\(ReasonCode.sessionHeartbeatTimeout.rawValue)"])
                dropConnection(now: now, reason: ReasonCode.sessionHeartbeatTimeout.rawValue)
            } else if beat.isHeartbeatDue(at: now) {
                sendControl(.heartbeat)
                beat.didSend(at: now)
                heartbeat = beat
            }
        }
    }

    private func openConnection(now: ContinuousClock.Instant) {
        do {
            let socket = try Socket(.dealer, context: context, defaults: SocketDefaults(lingerMilliseconds: 0))
            try socket.makeCurveClient(keyPair: configuration.curveKeyPair, serverKey: configuration.brokerPublicKey)
            try socket.set(.maximumMessageSize, Int64(limits.maxFrameBytes) * Int64(limits.maxFrames))
            if let interval = configuration.zmtpHeartbeatInterval {
                let milliseconds = Int32(clamping: interval.components.seconds * 1_000 + interval.components.attoseconds / 1_000_000_000_000_000)
                try socket.set(.heartbeatIntervalMilliseconds, milliseconds)
                try socket.set(.heartbeatTimeoutMilliseconds, milliseconds * 3)
            }
            try socket.connect(currentEndpoint)
            let hello = GMPMessage.hello(.init(
                agency: configuration.agency, adapterName: configuration.adapterName,
                adapterVersion: configuration.adapterVersion, subscriptions: configuration.subscriptions))
            try socket.send(multipart: try hello.encode(), flags: .dontWait)
            connection = socket
            connectionToken = poller.register(socket)
            phase = .awaitingWelcome(deadline: now + configuration.connectTimeout)
            logger.debug("gerbangkit: HELLO sent", metadata: ["endpoint": "\(currentEndpoint)"])
        } catch {
            logger.error("gerbangkit: cannot connect", metadata: ["endpoint": "\(currentEndpoint)", "error": "\(error)"])
            dropConnection(now: now, reason: "connect failed")
        }
    }

    /// Closes the socket, puts unanswered events back in front of the queue and schedules the
    /// next attempt (the maximum backoff after a refusal).
    func dropConnection(now: ContinuousClock.Instant, reason: String) {
        connection = nil
        poller = Poller()
        wakeToken = poller.register(wakeReceiver)
        connectionToken = nil
        session = nil
        heartbeat = nil
        creditSent = 0
        controlBacklog.removeAll()
        let resend = unanswered.sorted { $0.key < $1.key }.map(\.value)
        unanswered.removeAll()
        queue.prepend(resend)
        let delay = refused ? configuration.reconnectBackoff.maximum
            : configuration.reconnectBackoff.delay(forAttempt: failedAttempts)
        failedAttempts += 1
        refused = false
        // With several nodes, the next attempt goes to the next one.
        if !configuration.failoverEndpoints.isEmpty { endpointIndex += 1 }
        phase = .disconnected(retryAt: now + delay)
        logger.info("gerbangkit: session ended", metadata: [
            "reason": "\(reason)", "retry-in": "\(delay)", "to-resend": "\(resend.count)",
        ])
    }

    // MARK: Sending

    /// Sends `frames` without blocking; `false` when the pipe is full (or there is no session).
    func send(_ frames: [[UInt8]]) -> Bool {
        guard let connection else { return false }
        do {
            try connection.send(multipart: frames, flags: .dontWait)
            heartbeat?.didSend(at: .now)
            return true
        } catch where error.wouldBlock {
            return false
        } catch {
            logger.warning("gerbangkit: send failed", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Sends a session message (ACK, NACK, CREDIT, HEARTBEAT, BYE) now, or after the backlog.
    func sendControl(_ message: GMPMessage) {
        guard case .ready = phase else { return }
        guard let frames = try? message.encode() else {
            logger.error("gerbangkit: cannot encode \(message)")
            return
        }
        if !controlBacklog.isEmpty || !send(frames) { controlBacklog.append(frames) }
    }

    /// Sends the turn's ACKs as few ACK messages, in the order they were given: at most
    /// ``maxIDsPerAck`` ids each, and no more than the session's `max_frame_bytes` lets frame 1
    /// carry (8 bytes per id after the first).
    func sendPendingAcks() {
        guard !pendingAckIDs.isEmpty else { return }
        let idsPerAck = min(Self.maxIDsPerAck, GMPMessage.Ack.maxDeliveryIDs(frameBytes: session?.maxFrameBytes ?? 0))
        var start = 0
        while start < pendingAckIDs.count {
            let end = min(start + idsPerAck, pendingAckIDs.count)
            if let ack = GMPMessage.Ack(deliveryIDs: Array(pendingAckIDs[start..<end])) { sendControl(.ack(ack)) }
            start = end
        }
        pendingAckIDs.removeAll(keepingCapacity: true)
    }

    private func flushControl() {
        guard case .ready = phase else { return }
        while let first = controlBacklog.first {
            guard send(first) else { return }
            controlBacklog.removeFirst()
        }
    }

    // MARK: Receiving

    private func receiveAvailable() {
        for _ in 0..<receiveBatch {
            guard let socket = connection else { return }
            let frames: [Message]
            do {
                frames = try socket.receiveMultipart(flags: .dontWait, maximumFrames: limits.maxFrames)
            } catch where error.wouldBlock {
                return
            } catch {
                logger.warning("gerbangkit: receive failed", metadata: ["error": "\(error)"])
                dropConnection(now: .now, reason: "receive failed")
                return
            }
            let now = ContinuousClock.now
            let message: GMPMessage
            do {
                message = try GMPMessage(decoding: frames.map(\.bytes), limits: limits, from: .broker)
            } catch {
                logger.error("gerbangkit: undecodable message from the broker", metadata: ["error": "\(error)"])
                _ = send((try? GMPMessage.error(.init(error)).encode()) ?? [])
                dropConnection(now: now, reason: error.reason.rawValue)
                return
            }
            heartbeat?.didReceive(at: now)
            handle(message, now: now)
        }
    }

    // MARK: Timing

    private func pollTimeout(now: ContinuousClock.Instant) -> Duration {
        if case .ready = phase, !controlBacklog.isEmpty || (!queue.isEmpty && unanswered.count < configuration.maxUnansweredPublishes) {
            return .milliseconds(5)  // the pipe was full: try again soon
        }
        var next = now + .seconds(1)
        switch phase {
        case .disconnected(let retryAt): next = min(next, retryAt)
        case .awaitingWelcome(let deadline): next = min(next, deadline)
        case .ready: if let heartbeat { next = min(next, heartbeat.nextDeadline) }
        }
        if let closing { next = min(next, closing.deadline) }
        if !queue.isEmpty || !unanswered.isEmpty || !sessionWaiters.isEmpty { next = min(next, nextTimeoutScan) }
        return max(next - now, .zero)
    }

    private func shouldFinishClosing(now: ContinuousClock.Instant, deadline: ContinuousClock.Instant) -> Bool {
        guard case .ready = phase else { return true }
        return (queue.isEmpty && unanswered.isEmpty) || now >= deadline
    }

    // MARK: Ending

    /// Says BYE, fails what is left with ``GerbangClientError/Reason/closed`` and resumes the
    /// callers of `close()`.
    private func finish() {
        if case .ready = phase, let frames = try? GMPMessage.bye(.init(reason: .sessionClosed)).encode() {
            flushControl()
            _ = send(frames)
            // Linger briefly so that the BYE (and the last ACKs) leave before the socket closes;
            // libzmq keeps them at most this long ("ZMQ_LINGER: ... pending messages ... shall be
            // kept in memory after zmq_close()"), then the context may terminate.
            try? connection?.set(.lingerMilliseconds, Self.closeLingerMilliseconds)
        }
        connection = nil
        finished = true
        let closed = GerbangClientError(.closed, "the client closed before the broker answered")
        for request in queue.removeAll() + unanswered.values { request.completion?.complete(.failure(closed)) }
        unanswered.removeAll()
        for command in mailbox.shutDown() { reject(command, with: closed) }
        for waiter in sessionWaiters { waiter.continuation.resume(returning: .failure(closed)) }
        sessionWaiters.removeAll()
        deliveries?.finish()
        deliveries = nil
        deleteConfirmedFromOutbox()
        for continuation in closing?.continuations ?? [] { continuation.resume() }
        closing = nil
    }

    /// Answers a command that arrives after the client closed.
    private func reject(_ command: ClientCommand, with error: GerbangClientError) {
        switch command {
        case .publish(let request): request.completion?.complete(.failure(error))
        case .waitForSession(_, let continuation): continuation.resume(returning: .failure(error))
        case .openDeliveries(_, let continuation): continuation.finish()
        case .close(let continuation): continuation?.resume()
        case .answer, .closeDeliveries: break
        }
    }
}
