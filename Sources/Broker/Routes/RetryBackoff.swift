/// A subscription's retry policy: exponential backoff with full jitter and a maximum number of
/// attempts. `Sendable`: numbers.
public struct RetryBackoff: Sendable, Hashable {
    /// First backoff, milliseconds. Default 1,000.
    public var baseMilliseconds: Int
    /// Growth per attempt. Default 2.
    public var factor: Double
    /// Largest backoff, milliseconds. Default 300,000 (5 minutes).
    public var capMilliseconds: Int
    /// Attempts before the dead letters. Default 10.
    public var maxAttempts: Int

    /// Creates a policy; every argument defaults to the documented default.
    public init(baseMilliseconds: Int = 1_000, factor: Double = 2, capMilliseconds: Int = 300_000, maxAttempts: Int = 10) {
        self.baseMilliseconds = baseMilliseconds
        self.factor = factor
        self.capMilliseconds = capMilliseconds
        self.maxAttempts = maxAttempts
    }

    /// The delay before the next attempt after failed attempt `attempt` (1-based): full jitter,
    /// uniformly in `0 ... min(cap, base × factor^(attempt−1))`. A consumer's requested delay
    /// (NACK delay) replaces the computed one, capped by `capMilliseconds`.
    public func delayMilliseconds(
        afterAttempt attempt: Int, requested: Int = 0,
        using generator: inout some RandomNumberGenerator
    ) -> Int {
        if requested > 0 { return min(requested, capMilliseconds) }
        let exponent = Double(max(0, attempt - 1))
        let ceiling = min(Double(capMilliseconds), Double(baseMilliseconds) * pow(factor, exponent))
        guard ceiling >= 1 else { return 0 }
        return Int.random(in: 0...Int(ceiling), using: &generator)
    }

    private func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var remaining = Int(min(exponent, 64))
        while remaining > 0 {
            result *= base
            remaining -= 1
        }
        return result
    }
}
