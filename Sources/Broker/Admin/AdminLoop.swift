import Admin
import Foundation
import Logging
import Store
import ZeroMQ

/// The admin thread: polls the admin ROUTER, checks each request's role, starts a task per
/// request (at most `admin.max-concurrent-requests` at once), sends what the tasks hand back,
/// and fans the broker's observations out to the tails. It never touches the adapter sockets
/// and never waits for the broker loop. Not `Sendable`: created, used and dropped on its thread.
final class AdminLoop {
    let router: Socket
    let operators: OperatorDirectory
    let handler: AdminRequestHandler
    let feed: TailFeed
    let rates: RateSampler
    let settings: AdminSettings
    let stopRequested: StopSignal
    let logger: Logger
    private let outbox = AdminOutbox()
    private var tails: [[UInt8]: TailSubscriber] = [:]
    private var queued: [(routingID: [UInt8], request: AdminRequest, caller: AdminCaller)] = []
    private var running = 0
    private let clock = ContinuousClock()
    private var nextSample: ContinuousClock.Instant
    /// How long a poll waits: the latency of tail lines and replies.
    static let pollInterval: Duration = .milliseconds(20)
    /// A tail that got nothing for this long gets a keep-alive (which also finds gone peers).
    static let keepAliveInterval: Duration = .seconds(2)

    init(router: Socket, operators: OperatorDirectory, handler: AdminRequestHandler, feed: TailFeed, rates: RateSampler,
         settings: AdminSettings, stopRequested: StopSignal, logger: Logger) {
        self.router = router
        self.operators = operators
        self.handler = handler
        self.feed = feed
        self.rates = rates
        self.settings = settings
        self.stopRequested = stopRequested
        self.logger = logger
        nextSample = clock.now
    }

    func run() {
        let poller = Poller()
        let token = poller.register(router)
        while !stopRequested.isSet {
            do {
                try poller.poll(timeout: Self.pollInterval)
            } catch {
                logger.error("admin poll failed", metadata: ["error": "\(error)"])
                return
            }
            if poller.isReadable(token) { receiveRequests() }
            for item in outbox.takeAll() { handle(item) }
            startQueued()
            fanOut()
            let now = clock.now
            if now >= nextSample {
                nextSample = now + .seconds(1)
                rates.sample(totals: handler.services.metrics.totals(), delivered: feed.deliveredCounts(), at: Date())
                keepTailsAlive(now: now)
            }
        }
        feed.setActive(false)
    }

    // MARK: Requests

    private func receiveRequests() {
        for _ in 0..<64 {
            let frames: [Message]
            do {
                frames = try router.receiveMultipart(flags: .dontWait, maximumFrames: 4)
            } catch where error.wouldBlock {
                return
            } catch {
                logger.notice("admin receive failed", metadata: ["error": "\(error)"])
                continue
            }
            guard frames.count >= 2 else { continue }
            let routingID = frames[0].bytes
            let name = frames[1].userID ?? ""
            guard let role = operators.roles[name] else {
                send(.failure(AdminError(.forbidden, "unknown operator"), requestID: nil), to: routingID)
                continue
            }
            let caller = AdminCaller(name: name, role: role)
            let request: AdminRequest
            do {
                request = try AdminJSON.decode(AdminRequest.self, from: frames[frames.count - 1].bytes)
            } catch {
                send(.failure(error, requestID: nil), to: routingID)
                continue
            }
            accept(request, caller: caller, routingID: routingID)
        }
    }

    private func accept(_ request: AdminRequest, caller: AdminCaller, routingID: [UInt8]) {
        if request.action.changesState && !caller.role.mayChangeState && !(request.deadLetters?.dryRun ?? false) {
            let message = "`\(request.action.rawValue)` needs the operator or admin role; `\(caller.name)` is \(caller.role.rawValue)"
            let handler = handler
            Task { await handler.recordDenied(request, caller: caller, reason: message) }
            send(.failure(AdminError(.forbidden, message), requestID: request.requestID), to: routingID)
            return
        }
        if request.unmask && !caller.role.mayUnmask {
            send(.failure(AdminError(.forbidden, "--unmask needs the admin role; `\(caller.name)` is \(caller.role.rawValue)"),
                         requestID: request.requestID), to: routingID)
            return
        }
        switch request.action {
        case .tail:
            startTail(request, caller: caller, routingID: routingID)
        case .tailStop:
            tails.removeValue(forKey: routingID)
            feed.setActive(!tails.isEmpty)
            var reply = AdminReply(kind: .response, requestID: request.requestID)
            reply.operatorName = caller.name
            reply.role = caller.role
            send(reply, to: routingID)
        default:
            queued.append((routingID, request, caller))
        }
    }

    private func startQueued() {
        while running < settings.maxConcurrentRequests && !queued.isEmpty {
            let (routingID, request, caller) = queued.removeFirst()
            running += 1
            let handler = handler
            let outbox = outbox
            Task {
                outbox.post(.reply(routingID: routingID, await handler.answer(request, from: caller)))
            }
        }
    }

    private func handle(_ item: AdminOutbox.Item) {
        switch item {
        case .reply(let routingID, let reply):
            running -= 1
            send(reply, to: routingID)
        case .history(let routingID, let lines, let failure):
            running -= 1
            guard let tail = tails[routingID] else { return }
            if let failure {
                send(.failure(failure, requestID: nil), to: routingID)
                tails.removeValue(forKey: routingID)
                feed.setActive(!tails.isEmpty)
                return
            }
            tail.historyUpTo = lines.last?.sequence ?? 0
            tail.replaying = false
            deliver(lines, to: tail)
            if tails[routingID] == nil { return }
            _ = send(AdminReply(kind: .live), to: routingID)
            let waiting = tail.waiting
            tail.waiting = []
            deliver(waiting, to: tail)
        }
    }

    // MARK: Tails

    private func startTail(_ request: AdminRequest, caller: AdminCaller, routingID: [UInt8]) {
        guard tails[routingID] != nil || tails.count < settings.maxTails else {
            send(.failure(AdminError(.tooManyTails, "\(settings.maxTails) tails are connected (admin.max-tails)"),
                         requestID: request.requestID), to: routingID)
            return
        }
        let tailRequest = request.tail ?? TailRequest()
        let history = tailRequest.fromStart || tailRequest.sinceSeconds != nil
        let tail = TailSubscriber(routingID: routingID, filter: tailRequest.filter, unmask: request.unmask,
                                  replaying: history, now: clock.now)
        tails[routingID] = tail
        feed.setActive(true)
        var reply = AdminReply(kind: .response, requestID: request.requestID)
        reply.operatorName = caller.name
        reply.role = caller.role
        send(reply, to: routingID)
        guard history else {
            _ = send(AdminReply(kind: .live), to: routingID)
            return
        }
        running += 1
        let handler = handler
        let outbox = outbox
        Task {
            let since = tailRequest.sinceSeconds.map { Date().addingTimeInterval(-$0) }
            var lines: [TailLine] = []
            var after: EventSequence?
            do throws(StoreError) {
                while lines.count < tailRequest.historyLimit {
                    let query = HistoryQuery(afterSequence: after, since: tailRequest.fromStart ? nil : since,
                                             limit: min(1_000, tailRequest.historyLimit - lines.count))
                    let page = try await handler.services.store.history(query)
                    lines += page.map { TailLine(history: $0) }
                    guard let last = page.last, page.count == query.limit else { break }
                    after = last.sequence
                }
                outbox.post(.history(routingID: routingID, lines: lines, failure: nil))
            } catch {
                outbox.post(.history(routingID: routingID, lines: [], failure: AdminError(.store, error.description)))
            }
        }
    }

    /// Hands the observations since the last turn to every tail; while every tail is stalled,
    /// the feed only counts (see ``TailFeed``).
    private func fanOut() {
        let (lines, dropped) = feed.take()
        defer { feed.setCountingOnly(!tails.isEmpty && tails.values.allSatisfy { $0.blocked && !$0.replaying }) }
        guard !tails.isEmpty else { return }
        for tail in Array(tails.values) {
            tail.missed += dropped
            if tail.replaying {
                for line in lines where tail.filter.matches(line) {
                    if tail.waiting.count < settings.tailQueue { tail.waiting.append(line) } else { tail.missed += 1 }
                }
                continue
            }
            deliver(lines, to: tail)
        }
    }

    /// Sends the lines that pass the tail's filter, masked unless it may and asked to see them
    /// unmasked; a full peer makes the rest count as missed.
    private func deliver(_ lines: [TailLine], to tail: TailSubscriber) {
        if tail.missed > 0 || tail.blocked {
            guard reportMissed(tail) else {
                tail.missed += lines.reduce(0) { $0 + (tail.filter.matches($1) ? 1 : 0) }
                return
            }
        }
        for line in lines where tail.filter.matches(line) {
            if line.status == .accepted, let sequence = line.sequence, sequence <= tail.historyUpTo { continue }
            if tail.blocked {
                tail.missed += 1
                continue
            }
            var reply = AdminReply(kind: .line)
            reply.line = tail.unmask ? line : PersonalDataMask.mask(line)
            switch send(reply, to: tail.routingID) {
            case .sent: tail.lastSent = clock.now
            case .full:
                tail.blocked = true
                tail.missed += 1
            case .gone: return
            }
        }
    }

    /// Tries to tell a tail how many lines it missed; true when it went through.
    private func reportMissed(_ tail: TailSubscriber) -> Bool {
        var reply = AdminReply(kind: .missed)
        reply.missed = tail.missed
        guard send(reply, to: tail.routingID) == .sent else { return false }
        tail.missed = 0
        tail.blocked = false
        tail.lastSent = clock.now
        return true
    }

    private func keepTailsAlive(now: ContinuousClock.Instant) {
        for tail in Array(tails.values) where !tail.replaying {
            if tail.missed > 0 || tail.blocked {
                _ = reportMissed(tail)
            } else if now - tail.lastSent >= Self.keepAliveInterval {
                var reply = AdminReply(kind: .missed)
                reply.missed = 0
                if send(reply, to: tail.routingID) == .sent { tail.lastSent = now }
            }
        }
    }

    // MARK: Sending

    enum Transmission { case sent, full, gone }

    /// Sends without blocking; a gone peer's tail is forgotten.
    @discardableResult
    private func send(_ reply: AdminReply, to routingID: [UInt8]) -> Transmission {
        do {
            try router.send(multipart: [routingID, AdminJSON.encode(reply)], flags: .dontWait)
            return .sent
        } catch where error.wouldBlock {
            return .full
        } catch {
            if tails.removeValue(forKey: routingID) != nil {
                logger.info("tail gone", metadata: ["error": "\(error.reason.rawValue)"])
                feed.setActive(!tails.isEmpty)
            }
            return .gone
        }
    }
}
