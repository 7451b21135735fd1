import Foundation
import Logging
import Routing
import Store
import Synchronization
import ZeroMQ

/// A running broker: the adapter ROUTER (CURVE server, ZAP against the agencies' keys) served
/// by one owned `IOThread`, plus the store and the publish pipeline.
///
/// `Sendable`: its stored properties are `Sendable` (the context, the waker, an atomic stop
/// flag, the thread handle); the sockets live only on the loop thread.
///
/// ```swift
/// let server = try await BrokerServer.start(configuration: configuration, logger: logger)
/// // … on SIGTERM:
/// server.requestStop()
/// await server.waitUntilStopped()
/// ```
public final class BrokerServer: Sendable {
    /// The broker's software version, announced in WELCOME as `<name>/<version>`.
    public static let version = "0.1.0"

    /// The endpoint actually bound (e.g. `tcp://127.0.0.1:41234` when the port was `*`).
    public let boundEndpoint: String
    /// The port of the metrics HTTP server (`GET /metrics`), or nil when it is `off`.
    public var metricsPort: UInt16? { metricsServer?.port }
    private let metricsServer: MetricsHTTPServer?
    /// The admin endpoint actually bound, or nil when `admin-endpoint` is `off`.
    public var adminEndpoint: String? { adminServer?.boundEndpoint }
    private let adminServer: AdminServer?
    /// The broker's CURVE public key (adapters set it as `ZMQ_CURVE_SERVERKEY`).
    public let publicKey: CurvePublicKey
    /// This node's id in the cluster (`node.id`, or `<hostname>:<port>`).
    public var nodeID: String { node.id.rawValue }
    private let node: NodeIdentity
    /// The node's registration and heartbeats (nil when the store keeps no node registry).
    private let heartbeat: ClusterHeartbeat?
    /// Wakes the loop's sessions when another node made deliveries ready (nil when the store
    /// sends no such notifications).
    private let readyWatch: Task<Void, Never>?
    private let services: BrokerServices
    private let context: Context
    private let waker: Waker
    private let mailbox: LoopMailbox
    private let stopFlag: StopSignal
    private let thread: IOThread
    private let logger: Logger

    private init(boundEndpoint: String, node: NodeIdentity, services: BrokerServices, context: Context, waker: Waker,
                 mailbox: LoopMailbox, stopFlag: StopSignal, thread: IOThread, metricsServer: MetricsHTTPServer?,
                 adminServer: AdminServer?, heartbeat: ClusterHeartbeat?, readyWatch: Task<Void, Never>?,
                 logger: Logger) {
        self.boundEndpoint = boundEndpoint
        self.node = node
        self.heartbeat = heartbeat
        self.readyWatch = readyWatch
        self.adminServer = adminServer
        self.metricsServer = metricsServer
        self.publicKey = services.brokerKeyPair.publicKey
        self.services = services
        self.context = context
        self.waker = waker
        self.mailbox = mailbox
        self.stopFlag = stopFlag
        self.thread = thread
        self.logger = logger
    }

    /// Loads everything, binds the adapter endpoint and starts serving.
    public static func start(configuration: BrokerConfiguration, logger: Logger) async throws(BrokerError) -> BrokerServer {
        let startedAt = Date()
        let services = try await BrokerServices.load(configuration, logger: logger)
        let context: Context
        let waker: Waker
        let wakeEndpoint = "inproc://gerbangd.wake.\(UInt64.random(in: 1...UInt64.max))"
        do {
            context = try Context()
            try context.startZAPHandler(logger: logger, authorizer: services.curveKeys.authorizer)
            waker = try Waker(context: context, endpoint: wakeEndpoint)
        } catch {
            await services.store.close()
            throw BrokerError(.socket, "\(error)")
        }
        let mailbox = LoopMailbox()
        let stopFlag = StopSignal()
        let box = ThreadBox()
        let started: Result<(String, NodeIdentity), BrokerError> = await withCheckedContinuation { continuation in
            let thread = IOThread.start(name: "gerbangd.loop") {
                let router: Socket
                let monitor: Socket
                let wakeReceiver: Socket
                let bound: String
                do {
                    router = try Socket(.router, context: context)
                    // Frames up to the transport limit reach GMP's decoder (ERROR
                    // `protocol.frame-too-large` above max-frame-bytes); larger ones make libzmq
                    // drop the connection before buffering them.
                    try router.set(.maximumMessageSize, Int64(configuration.limits.effectiveTransportFrameBytes))
                    try router.makeCurveServer(secretKey: services.brokerKeyPair.secretKey)
                    // Monitored before binding, so that no connection's ACCEPTED is missed.
                    monitor = try router.monitorSocket([.init(.accepted), .init(.disconnected)])
                    bound = try router.bind(configuration.adapterEndpoint)
                    wakeReceiver = try Socket(.pair, context: context)
                    _ = try wakeReceiver.bind(wakeEndpoint)
                } catch {
                    continuation.resume(returning: .failure(BrokerError(.socket, "\(configuration.adapterEndpoint): \(error)")))
                    return
                }
                let node = NodeIdentity(settings: configuration.node, boundEndpoint: bound)
                continuation.resume(returning: .success((bound, node)))
                let loop = BrokerLoop(services: services, node: node, router: router, wakeReceiver: wakeReceiver, monitor: monitor,
                                      waker: waker, mailbox: mailbox, stopRequested: stopFlag, logger: logger)
                loop.run()
            }
            box.thread.withLock { $0 = thread }
        }
        switch started {
        case .failure(let error):
            await services.store.close()
            throw error
        case .success(let (bound, node)):
            let thread = box.waitForThread()
            var metricsServer: MetricsHTTPServer?
            if let (host, port) = BrokerConfiguration.parseHostPort(configuration.metricsEndpoint) {
                do {
                    metricsServer = try MetricsHTTPServer(host: host, port: port, metrics: services.metrics,
                                                          store: services.store, routes: services.routes, logger: logger)
                } catch {
                    stopFlag.set()
                    try? waker.wake()
                    _ = try? await IOThread.run(name: "gerbangd.join") { thread.join() }
                    await services.store.close()
                    throw error
                }
            }
            var adminServer: AdminServer?
            if configuration.adminEndpoint != "off" {
                do {
                    adminServer = try await AdminServer.start(services: services, feed: services.tail, mailbox: mailbox, waker: waker,
                                                              startedAt: startedAt, node: node, logger: logger)
                } catch where error.reason == .socket {
                    // The data plane does not depend on the admin endpoint: a taken port is
                    // reported loudly, and the broker serves adapters without it.
                    logger.error("admin endpoint unavailable; running without it",
                                 metadata: ["endpoint": "\(configuration.adminEndpoint)", "error": "\(error.message)"])
                } catch {
                    stopFlag.set()
                    try? waker.wake()
                    let startedMetrics = metricsServer
                    _ = try? await IOThread.run(name: "gerbangd.join") {
                        thread.join()
                        startedMetrics?.shutdown()
                    }
                    await services.store.close()
                    throw error
                }
            }
            var heartbeat: ClusterHeartbeat?
            if let registry = services.store as? any ClusterRegistry {
                heartbeat = await ClusterHeartbeat.start(registry: registry, node: node,
                                                         endpoints: [bound] + (adminServer.map { [$0.boundEndpoint] } ?? []),
                                                         metrics: services.metrics, settings: configuration.node, logger: logger)
            }
            let readyWatch = watchReadyDeliveries(services: services, mailbox: mailbox, waker: waker)
            logger.info("gerbangd listening", metadata: ["endpoint": "\(bound)", "node": "\(node.id)",
                                                         "publicKey": "\(services.brokerKeyPair.publicKey.z85)"])
            return BrokerServer(boundEndpoint: bound, node: node, services: services, context: context, waker: waker,
                                mailbox: mailbox, stopFlag: stopFlag, thread: thread, metricsServer: metricsServer,
                                adminServer: adminServer, heartbeat: heartbeat, readyWatch: readyWatch,
                                logger: logger)
        }
    }

    /// Starts the task that turns the store's ready notifications into loop wake-ups; nil when
    /// the store sends none (SQLite: one node, every change is this node's own).
    private static func watchReadyDeliveries(services: BrokerServices, mailbox: LoopMailbox,
                                             waker: Waker) -> Task<Void, Never>? {
        guard let notifier = services.store as? any ReadyDeliveryNotifier else { return nil }
        let maxWait = Duration.milliseconds(services.configuration.node.listenReconnectMaxMilliseconds)
        return Task {
            await notifier.watchReadyDeliveries(maxReconnectWait: maxWait) { subscriptions in
                mailbox.post(.deliveriesReady(subscriptions: subscriptions.map(\.rawValue)))
                try? waker.wake()
            }
        }
    }

    /// Reloads what can change while running (SIGHUP): the routes (a refused file keeps the
    /// routes in force, and the error with its line number is logged and returned) and the CRLs.
    /// Sessions whose grant changes are ended with BYE `session.closed` (they say HELLO again).
    @discardableResult
    public func reloadConfiguration() -> RoutesReloadOutcome {
        let outcome = services.routes.reload()
        switch outcome {
        case .reloaded(_, let changes):
            logger.notice("routes reloaded", metadata: [
                "added": "\(changes.added)", "removed": "\(changes.removed)", "modified": "\(changes.modified)",
                "permissionsChanged": "\(changes.permissionsChanged)"])
            mailbox.post(.routesChanged)
            try? waker.wake()
        case .unchanged:
            logger.notice("routes unchanged")
        case .refused(let error):
            logger.error("routes refused; the previous routes stay in force",
                         metadata: ["reason": "\(error.reason.rawValue)", "location": "\(error.location)", "error": "\(error.message)"])
        }
        do {
            try services.verifier.chains.reloadCRLs()
        } catch {
            logger.error("CRL reload failed; the previous CRLs stay in force", metadata: ["reason": "\(error.reason.rawValue)"])
        }
        return outcome
    }

    /// Asks the loop to stop: it stops reading, answers the publishes in hand, says BYE
    /// `session.shutting-down` to every session and ends. Safe from any thread or signal task.
    public func requestStop() {
        stopFlag.set()
        try? waker.wake()
    }

    /// Waits for the loop to end, then closes the store (committing the batch in hand).
    public func waitUntilStopped() async {
        let thread = thread
        let metricsServer = metricsServer
        let adminServer = adminServer
        _ = try? await IOThread.run(name: "gerbangd.join") {
            thread.join()
            adminServer?.stop()
            metricsServer?.shutdown()
        }
        readyWatch?.cancel()
        await readyWatch?.value
        await heartbeat?.stop()
        await services.auditCheckpointer?.stop()
        await services.store.close()
        logger.info("gerbangd stopped")
    }
}

/// Carries the `IOThread` handle out of the continuation's body, which may still be storing
/// it when the awaiting task resumes. `Sendable`: a `Mutex` guards the slot.
final class ThreadBox: Sendable {
    let thread = Mutex<IOThread?>(nil)

    /// The handle; spins (yielding) for the few instructions between `start` and the store.
    func waitForThread() -> IOThread {
        while true {
            if let thread = thread.withLock({ $0 }) { return thread }
            sched_yield()
        }
    }
}
