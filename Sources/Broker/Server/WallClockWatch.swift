import Foundation

/// Detects steps of the wall clock (`Date()`, `CLOCK_REALTIME`) by comparing how far it moved
/// between two readings with how far the monotonic clock (`ContinuousClock`) moved: the two
/// advance together unless someone (an operator, NTP stepping, a virtual machine resumed)
/// sets the wall clock. A difference of at least `threshold` is a jump of that size.
///
/// The broker stores lease deadlines and retry times as wall-clock times (they must survive a
/// restart), so a jump would move every one of them at once relative to "now"; the broker
/// moves them back by the jump (`docs/broker.md`, "Wall-clock jumps").
///
/// Not `Sendable`: a value owned by the broker loop.
struct WallClockWatch {
    /// The smallest difference that counts as a jump; `.zero` disables detection.
    let threshold: Duration
    private var lastWall: Date
    private var lastMonotonic: ContinuousClock.Instant

    /// Starts watching from these readings.
    init(threshold: Duration, wall: Date, monotonic: ContinuousClock.Instant) {
        self.threshold = threshold
        lastWall = wall
        lastMonotonic = monotonic
    }

    /// Takes new readings; returns the jump since the previous readings (positive: the wall
    /// clock jumped forward), or nil when the clocks moved together within the threshold.
    mutating func jump(wall: Date, monotonic: ContinuousClock.Instant) -> Duration? {
        let wallElapsed = Duration.milliseconds(Int64((wall.timeIntervalSince(lastWall) * 1_000).rounded()))
        let monotonicElapsed = monotonic - lastMonotonic
        lastWall = wall
        lastMonotonic = monotonic
        guard threshold > .zero else { return nil }
        let difference = wallElapsed - monotonicElapsed
        let magnitude = difference < .zero ? .zero - difference : difference
        guard magnitude >= threshold else { return nil }
        // Whole milliseconds: the stored times are milliseconds.
        return .milliseconds(difference.wholeMilliseconds)
    }
}
