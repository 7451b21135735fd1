/// Token buckets per publishing agency (`flow.rate-limited`): each agency may publish `rate`
/// events per second on average, with bursts up to `burst`. Not `Sendable`: owned by the broker
/// loop thread.
final class AgencyRateLimiter {
    private let rate: Double
    private let burst: Double
    private var buckets: [String: (tokens: Double, updated: ContinuousClock.Instant)] = [:]

    /// `rate` 0 disables the limit.
    init(rate: Int, burst: Int) {
        self.rate = Double(rate)
        self.burst = Double(max(1, burst))
    }

    /// Takes one token for `agency`; false when the agency is above its rate.
    func admit(_ agency: String, now: ContinuousClock.Instant) -> Bool {
        guard rate > 0 else { return true }
        var bucket = buckets[agency] ?? (burst, now)
        let elapsed = now - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(burst, bucket.tokens + seconds * rate)
        bucket.updated = now
        let admitted = bucket.tokens >= 1
        if admitted { bucket.tokens -= 1 }
        buckets[agency] = bucket
        return admitted
    }
}
