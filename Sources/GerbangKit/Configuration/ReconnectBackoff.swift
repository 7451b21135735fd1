/// How long a client waits between connection attempts: exponential backoff with full jitter.
/// `Sendable`: a value type.
///
/// Attempt *n* (from 0) waits a random time in [½ × d, d] with d = min(``maximum``,
/// ``initial`` × 2ⁿ). After a WELCOME the count starts again. A session refused for a reason that
/// only configuration can cure (`auth.*`, `route.unknown-subscription`,
/// `protocol.unsupported-version`) waits ``maximum`` at once (`docs/protocol.md`, 9.2).
public struct ReconnectBackoff: Sendable, Hashable {
    /// The first delay. Default 100 ms.
    public var initial: Duration
    /// The largest delay. Default 10 s.
    public var maximum: Duration

    /// A backoff; the defaults are 100 ms up to 10 s.
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(10)) {
        self.initial = initial
        self.maximum = max(maximum, initial)
    }

    /// The delay before attempt `attempt` (0 = the first reconnect).
    public func delay(forAttempt attempt: Int) -> Duration {
        var ceiling = initial
        var step = 0
        while step < attempt && ceiling < maximum {
            ceiling = ceiling * 2
            step += 1
        }
        ceiling = min(ceiling, maximum)
        let fraction = Double.random(in: 0.5...1.0)
        return ceiling * fraction
    }
}
