import Admin

/// One connected tail, owned by the admin thread. Not `Sendable`: only the admin loop touches it.
final class TailSubscriber {
    let routingID: [UInt8]
    let filter: TailFilter
    let unmask: Bool
    /// While the history replay runs, live lines wait here (bounded by the tail queue).
    var replaying: Bool
    var waiting: [TailLine] = []
    /// Live accepted lines up to this sequence were already sent by the history replay.
    var historyUpTo: Int64 = 0
    /// Lines dropped and not yet reported.
    var missed = 0
    /// The last send found the peer's queue full; lines are counted as missed without encoding
    /// until a missed-lines notice goes through again.
    var blocked = false
    var lastSent: ContinuousClock.Instant

    init(routingID: [UInt8], filter: TailFilter, unmask: Bool, replaying: Bool, now: ContinuousClock.Instant) {
        self.routingID = routingID
        self.filter = filter
        self.unmask = unmask
        self.replaying = replaying
        self.lastSent = now
    }
}
