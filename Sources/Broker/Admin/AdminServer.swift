import Admin
import Foundation
import Logging
import Store
import ZeroMQ

/// The admin endpoint of `gerbangd` (`docs/admin.md`): a ROUTER on `admin-endpoint`, a CURVE
/// server with the broker's key whose own context's ZAP handler admits only the operators of
/// `Config/operators.yaml`, served by one owned thread (``AdminLoop``).
///
/// `Sendable`: a stop flag, the thread handle and the context (all `Sendable`).
final class AdminServer: Sendable {
    /// The endpoint actually bound.
    let boundEndpoint: String
    private let context: Context
    private let stopFlag: StopSignal
    private let thread: IOThread

    private init(boundEndpoint: String, context: Context, stopFlag: StopSignal, thread: IOThread) {
        self.boundEndpoint = boundEndpoint
        self.context = context
        self.stopFlag = stopFlag
        self.thread = thread
    }

    /// Reads the operators, binds the endpoint and starts the admin thread.
    static func start(services: BrokerServices, feed: TailFeed, mailbox: LoopMailbox, waker: Waker, startedAt: Date,
                      node: NodeIdentity, logger: Logger) async throws(BrokerError) -> AdminServer {
        let configuration = services.configuration
        let operators: OperatorDirectory
        do {
            operators = try OperatorDirectory.load(configuration, logger: logger)
        } catch {
            throw BrokerError(.configuration, error.description)
        }
        let context: Context
        do {
            context = try Context()
            try context.startZAPHandler(logger: logger, authorizer: operators.authorizer)
        } catch {
            throw BrokerError(.socket, "admin endpoint: \(error)")
        }
        let rates = RateSampler()
        let handler = AdminRequestHandler(services: services, actionLog: services.store as? any AdminActionLog, feed: feed,
                                          rates: rates, mailbox: mailbox, waker: waker, startedAt: startedAt, node: node,
                                          logger: logger)
        let stopFlag = StopSignal()
        let box = ThreadBox()
        let settings = configuration.admin
        let bound: Result<String, BrokerError> = await withCheckedContinuation { continuation in
            let thread = IOThread.start(name: "gerbangd.admin") {
                let router: Socket
                let endpoint: String
                do {
                    router = try Socket(.router, context: context)
                    try router.set(.sendHighWaterMark, Int32(clamping: settings.tailQueue))
                    try router.set(.maximumMessageSize, 65_536)
                    try router.makeCurveServer(secretKey: services.brokerKeyPair.secretKey, zapDomain: "gerbang-admin")
                    endpoint = try router.bind(configuration.adminEndpoint)
                } catch {
                    continuation.resume(returning: .failure(BrokerError(.socket, "\(configuration.adminEndpoint): \(error)")))
                    return
                }
                continuation.resume(returning: .success(endpoint))
                AdminLoop(router: router, operators: operators, handler: handler, feed: feed, rates: rates, settings: settings,
                          stopRequested: stopFlag, logger: logger).run()
            }
            box.thread.withLock { $0 = thread }
        }
        let thread = box.waitForThread()
        switch bound {
        case .failure(let error):
            thread.join()
            throw error
        case .success(let endpoint):
            logger.info("admin endpoint listening", metadata: ["endpoint": "\(endpoint)", "operators": "\(operators.roles.count)"])
            return AdminServer(boundEndpoint: endpoint, context: context, stopFlag: stopFlag, thread: thread)
        }
    }

    /// Stops the admin thread and waits for it (at most one poll interval plus a request send).
    func stop() {
        stopFlag.set()
        thread.join()
    }
}
