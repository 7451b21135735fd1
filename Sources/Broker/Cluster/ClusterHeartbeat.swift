import Foundation
import Logging
import Store

/// Keeps this node's row in the store's node registry (``ClusterRegistry``): registers it at
/// start, writes a heartbeat every `node.heartbeat-interval-ms` (endpoints, publish and deliver
/// rates since the previous one), and removes it on a clean stop. A failed heartbeat is logged
/// and tried again at the next interval: the data plane does not depend on it.
///
/// `Sendable`: immutable references to `Sendable` values and its task.
final class ClusterHeartbeat: Sendable {
    private let registry: any ClusterRegistry
    private let node: NodeIdentity
    private let task: Task<Void, Never>
    private let logger: Logger

    private init(registry: any ClusterRegistry, node: NodeIdentity, task: Task<Void, Never>, logger: Logger) {
        self.registry = registry
        self.node = node
        self.task = task
        self.logger = logger
    }

    /// Registers the node (a failure is logged, not fatal: the heartbeats re-create the row) and
    /// starts the heartbeat task.
    static func start(registry: any ClusterRegistry, node: NodeIdentity, endpoints: [String], metrics: BrokerMetrics,
                      settings: NodeSettings, logger: Logger) async -> ClusterHeartbeat {
        let startedAt = Date()
        var record = ClusterNode(id: node.id, incarnation: node.incarnation, endpoints: endpoints, startedAt: startedAt,
                                 lastHeartbeat: startedAt)
        do throws(StoreError) {
            try await registry.register(record)
            logger.info("node registered", metadata: ["node": "\(node.id)", "incarnation": "\(node.incarnation)"])
        } catch {
            logger.error("node registration failed", metadata: ["node": "\(node.id)", "reason": "\(error.reason.rawValue)"])
        }
        let interval = Duration.milliseconds(settings.heartbeatIntervalMilliseconds)
        let task = Task {
            var previous = (time: startedAt, totals: metrics.totals())
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                let now = Date()
                let totals = metrics.totals()
                let seconds = max(0.001, now.timeIntervalSince(previous.time))
                record.lastHeartbeat = now
                record.publishRate = Double((totals["published"] ?? 0) - (previous.totals["published"] ?? 0)) / seconds
                record.deliverRate = Double((totals["delivered"] ?? 0) - (previous.totals["delivered"] ?? 0)) / seconds
                previous = (now, totals)
                do throws(StoreError) {
                    try await registry.heartbeat(record)
                } catch {
                    logger.warning("node heartbeat failed", metadata: ["node": "\(node.id)", "reason": "\(error.reason.rawValue)"])
                }
            }
        }
        return ClusterHeartbeat(registry: registry, node: node, task: task, logger: logger)
    }

    /// Stops the heartbeats and removes the node from the registry (before the store closes).
    func stop() async {
        task.cancel()
        await task.value
        do throws(StoreError) {
            try await registry.deregister(node.id, incarnation: node.incarnation)
        } catch {
            logger.warning("node deregistration failed", metadata: ["node": "\(node.id)", "reason": "\(error.reason.rawValue)"])
        }
    }
}
