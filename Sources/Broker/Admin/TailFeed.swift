import Admin
import Synchronization

/// The bounded queue of observations from the broker (loop thread and its tasks) to the admin
/// thread, which fans them out to tails.
///
/// Emitting is O(1): when no tail is connected it is one relaxed atomic load
/// (``isActive``), and the line is not even built (``emit(_:)`` takes an autoclosure); with a
/// tail it is one append under an uncontended `Mutex`. When the admin thread falls behind by
/// `capacity` lines, further lines are dropped and counted (``take()`` reports them, and every
/// tail is told it missed them). Never blocks, never grows beyond `capacity`.
///
/// While every connected tail is stalled (its peer's queue full), the admin thread switches the
/// feed to counting only (``setCountingOnly(_:)``): emitting is then one relaxed atomic add, no
/// line is built and no lock taken, so a stalled tail costs the broker next to nothing; the
/// count comes back from ``take()`` as dropped lines, and the tails are told they missed them.
///
/// `Sendable`: `Atomic` flags and counters and `Mutex`-guarded state.
final class TailFeed: Sendable {
    private struct Buffer {
        var lines: [TailLine] = []
        var dropped = 0
    }

    private let active = Atomic<Bool>(false)
    private let countingOnly = Atomic<Bool>(false)
    private let counted = Atomic<Int>(0)
    private let buffer = Mutex(Buffer())
    private let deliveredBySubscription = Mutex<[String: Int]>([:])
    /// The most lines held for the admin thread (`admin.tail-buffer`).
    let capacity: Int

    /// Creates a feed holding at most `capacity` lines.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Whether a tail is connected (lines are wanted).
    var isActive: Bool { active.load(ordering: .relaxed) }

    /// Turns emission on or off (the admin thread, when the first tail comes or the last goes).
    func setActive(_ value: Bool) {
        active.store(value, ordering: .relaxed)
        if !value { buffer.withLock { $0 = Buffer() } }
    }

    /// Queues a line when a tail is connected; drops (and counts) it when the buffer is full.
    func emit(_ line: @autoclosure () -> TailLine) {
        guard active.load(ordering: .relaxed) else { return }
        if countingOnly.load(ordering: .relaxed) {
            counted.add(1, ordering: .relaxed)
            return
        }
        let line = line()
        buffer.withLock { buffer in
            if buffer.lines.count < capacity {
                buffer.lines.append(line)
            } else {
                buffer.dropped += 1
            }
        }
    }

    /// Takes every queued line and the number dropped (or only counted) since the last call.
    func take() -> (lines: [TailLine], dropped: Int) {
        let taken = buffer.withLock { buffer in
            defer { buffer = Buffer() }
            return (buffer.lines, buffer.dropped)
        }
        return (taken.0, taken.1 + counted.exchange(0, ordering: .relaxed))
    }

    /// Counts observations instead of queueing lines (the admin thread, while every tail is
    /// stalled), or queues lines again.
    func setCountingOnly(_ value: Bool) {
        countingOnly.store(value, ordering: .relaxed)
    }

    /// Counts deliveries sent per subscription (always on: one dictionary update, for the
    /// delivery rate of `gerbang queues`).
    func countDelivered(subscription: String, count: Int = 1) {
        deliveredBySubscription.withLock { $0[subscription, default: 0] += count }
    }

    /// Deliveries sent per subscription since the start.
    func deliveredCounts() -> [String: Int] {
        deliveredBySubscription.withLock { $0 }
    }
}
