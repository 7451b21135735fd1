import Foundation
import Synchronization

/// Counters of an adapter's work, rendered in the Prometheus text format by ``render(adapter:)``.
/// `Sendable`: a `Mutex` guards the counts.
public final class AdapterMetrics: Sendable {
    /// What is counted. `Sendable`: a plain enum.
    public enum Counter: String, Sendable, CaseIterable {
        /// Events the broker accepted.
        case published = "gerbang_adapter_published_total"
        /// Events rejected or not confirmed.
        case publishFailed = "gerbang_adapter_publish_failed_total"
        /// Deliveries received.
        case delivered = "gerbang_adapter_delivered_total"
        /// Deliveries acknowledged.
        case acknowledged = "gerbang_adapter_acknowledged_total"
        /// Deliveries handed back for a retry.
        case retried = "gerbang_adapter_retried_total"
        /// Deliveries rejected (dead letters).
        case rejected = "gerbang_adapter_rejected_total"
    }

    private let counts = Mutex<[Counter: Int]>([:])

    /// Empty counters.
    public init() {}

    /// Adds `amount` to `counter`.
    public func increment(_ counter: Counter, by amount: Int = 1) {
        counts.withLock { $0[counter, default: 0] += amount }
    }

    /// The current value of `counter`.
    public func value(_ counter: Counter) -> Int {
        counts.withLock { $0[counter, default: 0] }
    }

    /// Writes ``render(adapter:)`` to `path` atomically (a temporary file renamed over it), creating
    /// the folder.
    public func write(to path: String, adapter: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(render(adapter: adapter).utf8).write(to: url, options: .atomic)
    }

    /// All counters in the Prometheus text format, labelled with the adapter's name.
    public func render(adapter: String) -> String {
        let snapshot = counts.withLock { $0 }
        return Counter.allCases.map { "\($0.rawValue){adapter=\"\(adapter)\"} \(snapshot[$0, default: 0])" }
            .joined(separator: "\n") + "\n"
    }
}
