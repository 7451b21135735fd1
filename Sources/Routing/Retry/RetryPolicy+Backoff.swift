import Foundation

extension RetryPolicy {
    /// The upper bound of the delay after attempt `attempt` (1-based) failed:
    /// `min(backoffCap, backoffBase · backoffFactor^(attempt - 1))`. Attempts below 1 count as 1.
    public func backoffCeiling(afterAttempt attempt: Int) -> Duration {
        let exponent = Double(max(attempt, 1) - 1)
        let ceiling = Self.seconds(backoffBase) * pow(backoffFactor, exponent)
        let cap = Self.seconds(backoffCap)
        // `pow` may overflow to infinity for large attempts; `min` with the cap absorbs it.
        return ceiling.isFinite && ceiling < cap ? .seconds(ceiling) : backoffCap
    }

    /// How long to wait before the next attempt after attempt `attempt` (1-based) failed:
    /// exponential backoff with **full jitter**, `randomUnit · backoffCeiling(afterAttempt:)`,
    /// i.e. uniform in `[0, min(cap, base · factor^(attempt-1)))` when `randomUnit` is uniform in
    /// `[0, 1)`.
    ///
    /// - Parameters:
    ///   - attempt: the attempt that failed (1 for the first delivery).
    ///   - requested: the delay the consumer asked for in its NACK, if any (zero or nil means
    ///     "use the backoff"). A requested delay is used as is, without jitter, clamped to
    ///     ``backoffCap``.
    ///   - randomUnit: a number in `[0, 1)`; values outside are clamped into it. Inject it to make
    ///     the schedule deterministic.
    public func delay(forAttempt attempt: Int, requested: Duration? = nil, randomUnit: Double) -> Duration {
        if let requested, requested > .zero {
            return min(requested, backoffCap)
        }
        let unit = randomUnit.isNaN ? 0 : min(max(randomUnit, 0), 1)
        return .seconds(Self.seconds(backoffCeiling(afterAttempt: attempt)) * unit)
    }

    /// ``delay(forAttempt:requested:randomUnit:)`` with the unit drawn from `generator`.
    public func delay(
        forAttempt attempt: Int, requested: Duration? = nil, using generator: inout some RandomNumberGenerator
    ) -> Duration {
        delay(forAttempt: attempt, requested: requested, randomUnit: Double.random(in: 0..<1, using: &generator))
    }

    /// ``delay(forAttempt:requested:randomUnit:)`` with the system's random generator.
    public func delay(forAttempt attempt: Int, requested: Duration? = nil) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(forAttempt: attempt, requested: requested, using: &generator)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
