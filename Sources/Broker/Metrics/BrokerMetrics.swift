import Foundation
import GMP
import Store
import Synchronization

/// The broker's counters and latency histograms, rendered in the Prometheus text format
/// (version 0.0.4) by ``render(queues:)``.
///
/// `Sendable`: all state lives in one `Mutex`; updates are a few integer additions.
public final class BrokerMetrics: Sendable {
    /// Upper bounds (seconds) of the latency histogram buckets.
    public static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Histogram {
        var counts = [Int](repeating: 0, count: BrokerMetrics.latencyBuckets.count)
        var count = 0
        var sum = 0.0

        mutating func observe(_ seconds: Double) {
            if let index = BrokerMetrics.latencyBuckets.firstIndex(where: { seconds <= $0 }) { counts[index] += 1 }
            count += 1
            sum += seconds
        }
    }

    struct State {
        var published = 0
        var accepted = 0
        var duplicates = 0
        var rejected: [String: Int] = [:]
        var delivered = 0
        var acknowledged = 0
        var retried = 0
        var deadLettered = 0
        var sessionsEnded: [String: Int] = [:]
        var clockJumps: [String: Int] = [:]
        var clockJumpMilliseconds = 0
        var connectionsClosed: [String: Int] = [:]
        var connectionsOpen = 0
        var rateLimited: [String: Int] = [:]
        var publishToConfirm = Histogram()
        var publishToDeliver = Histogram()
    }

    private let state = Mutex(State())

    /// Creates empty metrics.
    public init() {}

    /// The counters since the start, by name (`published`, `accepted`, `rejected`, `delivered`,
    /// `acknowledged`, `retried`, `dead-lettered`), for `gerbang status`.
    func totals() -> [String: Int] {
        state.withLock { state in
            ["published": state.published, "accepted": state.accepted, "rejected": state.rejected.values.reduce(0, +),
             "delivered": state.delivered, "acknowledged": state.acknowledged, "retried": state.retried,
             "dead-lettered": state.deadLettered]
        }
    }

    func eventPublished() { state.withLock { $0.published += 1 } }

    /// Records the answer of one event and its publish→confirm latency.
    func answered(_ answer: GMPMessage, latency: Double) {
        state.withLock { state in
            switch answer {
            case .accepted(let accepted):
                if accepted.duplicate { state.duplicates += 1 } else { state.accepted += 1 }
            case .rejected(let rejected):
                state.rejected[rejected.reason.rawValue, default: 0] += 1
            default:
                break
            }
            state.publishToConfirm.observe(latency)
        }
    }

    /// A DELIVER was sent; the first attempt also records publish→deliver latency.
    func delivered(attempt: Int, acceptedAt: Date, now: Date) {
        state.withLock { state in
            state.delivered += 1
            if attempt == 1 { state.publishToDeliver.observe(max(0, now.timeIntervalSince(acceptedAt))) }
        }
    }

    func acknowledged() { state.withLock { $0.acknowledged += 1 } }
    func retried() { state.withLock { $0.retried += 1 } }
    func deadLettered() { state.withLock { $0.deadLettered += 1 } }
    func sessionEnded(_ reason: ReasonCode) { state.withLock { $0.sessionsEnded[reason.rawValue, default: 0] += 1 } }
    /// An event of `agency` was refused for its publish rate (`flow.rate-limited`).
    func rateLimited(agency: String) { state.withLock { $0.rateLimited[agency, default: 0] += 1 } }
    /// The broker closed an adapter connection (e.g. `session.hello-timeout`).
    func connectionClosed(_ reason: ReasonCode) { state.withLock { $0.connectionsClosed[reason.rawValue, default: 0] += 1 } }
    /// The adapter connections open now (accepted, not yet reported closed by the socket monitor).
    func setOpenConnections(_ count: Int) { state.withLock { $0.connectionsOpen = count } }

    /// A wall-clock jump of `milliseconds` (positive: forward) was detected.
    func clockJumped(milliseconds: Int64) {
        state.withLock { state in
            state.clockJumps[milliseconds > 0 ? "forward" : "backward", default: 0] += 1
            state.clockJumpMilliseconds += Int(milliseconds.magnitude)
        }
    }

    /// The Prometheus text exposition of every metric, with the queue depths and the store's
    /// write statistics given (the store metrics are left out without them).
    public func render(queues: [QueueStats], storeWrites: StoreWriteStatistics? = nil) -> String {
        let state = state.withLock { $0 }
        var out = ""
        func counter(_ name: String, _ help: String, _ values: [(String, Int)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) counter\n"
            for (labels, value) in values { out += "\(name)\(labels) \(value)\n" }
        }
        func histogram(_ name: String, _ help: String, _ histogram: Histogram) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
            var cumulative = 0
            for (index, bound) in Self.latencyBuckets.enumerated() {
                cumulative += histogram.counts[index]
                out += "\(name)_bucket{le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "\(name)_bucket{le=\"+Inf\"} \(histogram.count)\n\(name)_sum \(histogram.sum)\n\(name)_count \(histogram.count)\n"
        }
        counter("gerbang_published_total", "Events received in PUBLISH.", [("", state.published)])
        counter("gerbang_accepted_total", "Events answered ACCEPTED.",
                [("{duplicate=\"false\"}", state.accepted), ("{duplicate=\"true\"}", state.duplicates)])
        counter("gerbang_rejected_total", "Events answered REJECTED, by reason.",
                state.rejected.sorted { $0.key < $1.key }.map { ("{reason=\"\($0.key)\"}", $0.value) })
        counter("gerbang_delivered_total", "DELIVER messages sent.", [("", state.delivered)])
        counter("gerbang_acknowledged_total", "Deliveries acknowledged.", [("", state.acknowledged)])
        counter("gerbang_retried_total", "Deliveries scheduled for retry after NACK.", [("", state.retried)])
        counter("gerbang_dead_lettered_total", "Deliveries moved to the dead letters by the broker.", [("", state.deadLettered)])
        counter("gerbang_sessions_ended_total", "Sessions ended, by reason.",
                state.sessionsEnded.sorted { $0.key < $1.key }.map { ("{reason=\"\($0.key)\"}", $0.value) })
        counter("gerbang_clock_jumps_total", "Wall-clock jumps detected against the monotonic clock, by direction.",
                ["backward", "forward"].map { ("{direction=\"\($0)\"}", state.clockJumps[$0, default: 0]) })
        counter("gerbang_clock_jump_milliseconds_total", "Sum of the sizes of the wall-clock jumps detected.",
                [("", state.clockJumpMilliseconds)])
        if let storeWrites {
            counter("gerbang_store_write_failures_total",
                    "Store write transactions that failed as a whole (nothing stored), by reason.",
                    storeWrites.failedTransactions.sorted { $0.key < $1.key }.map { ("{reason=\"\($0.key)\"}", $0.value) })
            out += "# HELP gerbang_store_writable 1 while the store's writes commit, 0 since a write transaction failed "
                + "(publishes are answered REJECTED store.unavailable).\n# TYPE gerbang_store_writable gauge\n"
                + "gerbang_store_writable \(storeWrites.isFailing ? 0 : 1)\n"
        }
        counter("gerbang_rate_limited_total", "Events refused for their agency's publish rate, by agency.",
                state.rateLimited.sorted { $0.key < $1.key }.map { ("{agency=\"\($0.key)\"}", $0.value) })
        counter("gerbang_connections_closed_total", "Adapter connections the broker closed, by reason.",
                state.connectionsClosed.sorted { $0.key < $1.key }.map { ("{reason=\"\($0.key)\"}", $0.value) })
        out += "# HELP gerbang_connections_open Adapter connections open now.\n# TYPE gerbang_connections_open gauge\n"
        out += "gerbang_connections_open \(state.connectionsOpen)\n"
        out += "# HELP gerbang_queue_depth Deliveries per subscription and state.\n# TYPE gerbang_queue_depth gauge\n"
        for queue in queues.sorted(by: { $0.subscription < $1.subscription }) {
            for (stateName, value) in [("ready", queue.ready), ("inflight", queue.inFlight), ("waiting", queue.waiting), ("dead", queue.dead)] {
                out += "gerbang_queue_depth{subscription=\"\(queue.subscription.rawValue)\",state=\"\(stateName)\"} \(value)\n"
            }
        }
        histogram("gerbang_publish_confirm_seconds", "Time from receiving an event to its answer.", state.publishToConfirm)
        histogram("gerbang_publish_deliver_seconds", "Time from acceptance to the first DELIVER.", state.publishToDeliver)
        return out
    }
}
