import Synchronization

/// What the soak's publisher (on the main thread) has done so far, read by the sampler thread
/// every interval.
///
/// `Sendable`: atomics only; the publisher is the only writer.
final class SoakCounters: Sendable {
    private let acceptedCount = Atomic<Int>(0)
    private let rejectedCount = Atomic<Int>(0)
    private let sentCount = Atomic<Int>(0)
    /// The largest delay of a send behind its schedule since the sampler last took it, ns.
    private let intervalLag = Atomic<UInt64>(0)

    /// Events ACCEPTED so far.
    var accepted: Int { acceptedCount.load(ordering: .relaxed) }
    /// Events REJECTED so far.
    var rejected: Int { rejectedCount.load(ordering: .relaxed) }
    /// Events sent so far.
    var sent: Int { sentCount.load(ordering: .relaxed) }

    /// Publishes the publisher's totals.
    func update(sent: Int, accepted: Int, rejected: Int) {
        sentCount.store(sent, ordering: .relaxed)
        acceptedCount.store(accepted, ordering: .relaxed)
        rejectedCount.store(rejected, ordering: .relaxed)
    }

    /// Records that a send left `lag` nanoseconds after it was due.
    func noteLag(_ lag: UInt64) {
        var current = intervalLag.load(ordering: .relaxed)
        while lag > current {
            let (exchanged, original) = intervalLag.compareExchange(expected: current, desired: lag, ordering: .relaxed)
            if exchanged { break }
            current = original
        }
    }

    /// The largest lag since the last call, nanoseconds; starts the next interval at 0.
    func takeLag() -> UInt64 { intervalLag.exchange(0, ordering: .relaxed) }
}
