/// The heartbeat and liveness rules of GMP/1 (`docs/protocol.md`, section 7) for one side of one
/// session, as pure logic: the caller reports what it sent and received, and asks what is due.
/// `Sendable`: a value type; each session owns its own copy.
///
/// Both sides use the interval *I* and liveness *L* from WELCOME: send HEARTBEAT after *I* without
/// sending anything; consider the peer gone after *L* × *I* without receiving anything.
public struct GMPHeartbeat: Hashable, Sendable {
    /// *I*: how long a side may stay silent before it sends HEARTBEAT.
    public let interval: Duration
    /// *L*: how many intervals without any message before the peer is gone.
    public let liveness: Int
    /// When this side last sent a message.
    public private(set) var lastSent: ContinuousClock.Instant
    /// When this side last received a message from the peer.
    public private(set) var lastReceived: ContinuousClock.Instant

    /// Starts the timers at `now` (when WELCOME was sent or received).
    public init(intervalMilliseconds: UInt32, liveness: UInt8, now: ContinuousClock.Instant) {
        interval = .milliseconds(Int64(max(intervalMilliseconds, 1)))
        self.liveness = Int(max(liveness, 1))
        lastSent = now
        lastReceived = now
    }

    /// Starts the timers from a WELCOME's values.
    public init(_ welcome: GMPMessage.Welcome, now: ContinuousClock.Instant) {
        self.init(intervalMilliseconds: welcome.heartbeatIntervalMilliseconds, liveness: welcome.heartbeatLiveness, now: now)
    }

    /// Records that this side sent a message (any command) at `now`.
    public mutating func didSend(at now: ContinuousClock.Instant) {
        lastSent = max(lastSent, now)
    }

    /// Records that a message (any command) arrived from the peer at `now`.
    public mutating func didReceive(at now: ContinuousClock.Instant) {
        lastReceived = max(lastReceived, now)
    }

    /// Whether this side has been silent for an interval and must send HEARTBEAT.
    public func isHeartbeatDue(at now: ContinuousClock.Instant) -> Bool {
        now >= lastSent + interval
    }

    /// Whether the peer has been silent for liveness × interval and is considered gone.
    public func isPeerGone(at now: ContinuousClock.Instant) -> Bool {
        now >= peerDeadline
    }

    /// The instant at which the peer is gone unless it speaks before.
    public var peerDeadline: ContinuousClock.Instant {
        lastReceived + interval * liveness
    }

    /// The next instant at which something is due (a heartbeat to send or the peer's deadline):
    /// a poller's timeout.
    public var nextDeadline: ContinuousClock.Instant {
        min(lastSent + interval, peerDeadline)
    }
}
