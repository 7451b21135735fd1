import Admin
import Envelope
import Foundation
import Logging
import Store
import ZeroMQ

/// Answers admin requests off the admin thread (in tasks): store reads, dead-letter actions
/// (recorded in `admin_actions` and logged), status and the loop's session snapshot.
///
/// `Sendable`: immutable references to `Sendable` services.
struct AdminRequestHandler: Sendable {
    let services: BrokerServices
    let actionLog: (any AdminActionLog)?
    let feed: TailFeed
    let rates: RateSampler
    let mailbox: LoopMailbox
    let waker: Waker
    let startedAt: Date
    /// This node (for the `answering` mark of the node list).
    let node: NodeIdentity
    let logger: Logger

    /// The answer to `request` (never throws: failures are failed responses).
    func answer(_ request: AdminRequest, from caller: AdminCaller) async -> AdminReply {
        var reply: AdminReply
        do throws(AdminError) {
            reply = try await perform(request, caller: caller)
        } catch {
            reply = .failure(error, requestID: request.requestID)
        }
        reply.requestID = request.requestID
        reply.operatorName = caller.name
        reply.role = caller.role
        return reply
    }

    private func perform(_ request: AdminRequest, caller: AdminCaller) async throws(AdminError) -> AdminReply {
        var reply = AdminReply(kind: .response, requestID: request.requestID)
        let unmask = request.unmask
        switch request.action {
        case .whoami, .tail, .tailStop:
            break
        case .status:
            reply.status = await status()
        case .queues:
            reply.queues = try await queues()
            reply.nodes = await nodes()
        case .adapters:
            reply.adapters = await adapters()
        case .routes:
            reply.routes = RoutesReport(services.routes.current, path: services.configuration.paths.routes)
        case .dlqList, .dlqShow:
            let query = request.deadLetters ?? DeadLetterQuery()
            let letters = try await store("dead letters") { store throws(StoreError) in
                try await store.deadLetters(matching: DeadLetterFilter(query, now: Date()))
            }
            if request.action == .dlqShow && letters.isEmpty {
                throw AdminError(.notFound, "no dead letter matches (ids \(query.deliveries ?? []))")
            }
            reply.deadLetters = letters.map { DeadLetterReport(delivery: DeliveryReport($0.delivery, unmask: unmask),
                                                               event: EventSummary($0.event, unmask: unmask)) }
        case .dlqReplay, .dlqPurge:
            reply = try await changeDeadLetters(request, caller: caller)
        case .eventsShow:
            reply.event = try await event(request.event ?? EventQuery(), unmask: unmask)
        case .actions:
            guard let actionLog else { throw AdminError(.store, "this store keeps no admin actions") }
            let actions: [AdminAction]
            do {
                actions = try await actionLog.adminActions(limit: 100)
            } catch {
                throw AdminError(.store, error.description)
            }
            reply.actions = actions.map {
                AdminActionReport(id: $0.id, operatorName: $0.operatorName, role: $0.role, action: $0.action,
                                  arguments: $0.arguments, requestedAt: $0.requestedAt, outcome: $0.outcome, detail: $0.detail)
            }
        }
        return reply
    }

    /// Runs a store call, mapping its error.
    func store<Value: Sendable>(
        _ what: String, _ body: (any EventStore) async throws(StoreError) -> Value
    ) async throws(AdminError) -> Value {
        do {
            return try await body(services.store)
        } catch {
            throw AdminError(.store, "\(what): \(error.description)")
        }
    }

    // MARK: Reports

    private func status() async -> StatusReport {
        let configuration = services.configuration
        let statistics = await services.store.writeStatistics()
        let path = configuration.storePath
        var bytes: Int64 = 0
        for file in [path, path + "-wal"] {
            bytes += ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0
        }
        let rates = rates.rates()
        let sessions = await adapters().count
        var report = StatusReport(
            broker: "\(configuration.brokerName)/\(BrokerServer.version)", startedAt: startedAt,
            uptimeSeconds: Date().timeIntervalSince(startedAt), storePath: path, storeBytes: bytes,
            storeTransactions: statistics.transactions, storeAverageBatch: statistics.averageBatchSize, sessions: sessions,
            totals: services.metrics.totals(), rates: rates.totals, rateWindowSeconds: rates.seconds)
        report.node = node.id.rawValue
        report.nodes = await nodes()
        return report
    }

    /// The nodes of the store's registry; nil when the store keeps none or cannot be read (the
    /// rest of the report is still useful then).
    private func nodes() async -> [NodeReport]? {
        guard let registry = services.store as? any ClusterRegistry else { return nil }
        let nodes: [ClusterNode]
        do {
            nodes = try await registry.nodes()
        } catch {
            logger.warning("node registry unreadable", metadata: ["reason": "\(error.reason.rawValue)"])
            return nil
        }
        let now = Date()
        let staleAfter = Duration.milliseconds(services.configuration.node.staleAfterMilliseconds)
        return nodes.map {
            NodeReport(id: $0.id.rawValue, endpoints: $0.endpoints, startedAt: $0.startedAt,
                       lastHeartbeatSecondsAgo: max(0, now.timeIntervalSince($0.lastHeartbeat)),
                       alive: !$0.isStale(now: now, staleAfter: staleAfter), leases: $0.leases, publishRate: $0.publishRate,
                       deliverRate: $0.deliverRate, answering: $0.id == node.id && $0.incarnation == node.incarnation)
        }
    }

    private func queues() async throws(AdminError) -> [QueueReport] {
        let routed = services.routes.current.subscriptions
        let now = Date()
        let stats = try await store("queue statistics") { store throws(StoreError) in
            let routedStats = try await store.queueStats(subscriptions: routed.map { SubscriptionID($0.id) }, now: now)
            let stored = try await store.queueStats(subscriptions: nil, now: now)
            var byID: [String: QueueStats] = [:]
            for stat in stored + routedStats { byID[stat.subscription.rawValue] = stat }
            return byID
        }
        let rates = rates.rates().delivered
        let subscribers = Dictionary(routed.map { ($0.id, "\($0.agency)/\($0.adapter)") }, uniquingKeysWith: { first, _ in first })
        return stats.keys.sorted().map { id in
            let stat = stats[id]!
            return QueueReport(subscription: id, subscriber: subscribers[id] ?? "", ready: stat.ready, inFlight: stat.inFlight,
                               waiting: stat.waiting, dead: stat.dead, oldestAgeSeconds: stat.oldestPendingAge,
                               deliveryRate: rates[id] ?? 0)
        }
    }

    /// The loop's sessions, asked through its mailbox (the loop owns them).
    private func adapters() async -> [AdapterReport] {
        let mailbox = mailbox
        let waker = waker
        return await withCheckedContinuation { continuation in
            mailbox.post(.adapterSnapshot { continuation.resume(returning: $0) })
            try? waker.wake()
        }
    }

    private func event(_ query: EventQuery, unmask: Bool) async throws(AdminError) -> EventReport {
        let record = try await store("event") { store throws(StoreError) -> EventRecord? in
            if let sequence = query.sequence { return try await store.event(sequence: EventSequence(sequence)) }
            if let source = query.source, let id = query.id { return try await store.event(source: source, id: id) }
            return nil
        }
        guard query.sequence != nil || (query.source != nil && query.id != nil) else {
            throw AdminError(.badRequest, "name the event by its sequence number, or by --source and its id")
        }
        guard let record else { throw AdminError(.notFound, "no stored event matches") }
        var signature = "valid"
        var signedBy: String?
        var detail: String?
        do {
            let verdict = services.verifier.verify(try CloudEvent(parsing: record.event.body))
            if let error = verdict.error {
                signature = error.reason.rawValue
                detail = error.message
            } else {
                signedBy = verdict.agency?.id
            }
        } catch {
            signature = error.reason.rawValue
            detail = error.message
        }
        return EventReport(summary: EventSummary(record.event, unmask: unmask),
                           body: PersonalDataMask.maskJSON(record.event.body, unmask: unmask), signature: signature,
                           signedBy: signedBy, signatureDetail: detail,
                           deliveries: record.deliveries.map { DeliveryReport($0, unmask: unmask) })
    }
}
