import Foundation

extension BrokerLoop {
    /// On every tick: a wall-clock jump (``WallClockWatch``) is logged (warning, with its size),
    /// counted (`gerbang_clock_jumps_total`), and applied to the schedule: the lease deadlines of
    /// the sessions' in-flight deliveries at once, the store's lease deadlines and retry times
    /// by the next timer task (``pendingScheduleShift``). Retries keep the spacing their backoff
    /// gave them: a jump forward does not make them all due at once, a jump backward does not
    /// hold them for the jump's length.
    func watchWallClock(wall: Date, monotonic: ContinuousClock.Instant) {
        guard let jump = wallClockWatch.jump(wall: wall, monotonic: monotonic) else { return }
        let milliseconds = jump.wholeMilliseconds
        logger.warning("wall clock jumped; moving lease deadlines and retry times with it",
                       metadata: ["jumpMs": "\(milliseconds)", "direction": "\(milliseconds > 0 ? "forward" : "backward")"])
        services.metrics.clockJumped(milliseconds: milliseconds)
        let offset = Double(milliseconds) / 1_000
        for session in sessions.values {
            for id in Array(session.inFlight.keys) {
                session.inFlight[id]?.leaseDeadline.addTimeInterval(offset)
            }
        }
        pendingScheduleShift += jump
    }
}

extension Duration {
    /// The duration in whole milliseconds (rounded toward zero).
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
