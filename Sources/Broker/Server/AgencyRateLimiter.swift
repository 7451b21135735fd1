/// Token buckets per publishing agency (`flow.rate-limited`): each agency may publish its
/// configured `rate` events per second on average, with bursts up to its `burst`
/// (`limits.agency-rates.<agency>`, else `limits.agency-publish-rate`/`-burst`). Not `Sendable`:
/// owned by the broker loop thread.
final class AgencyRateLimiter {
    private let limits: BrokerConfiguration.Limits
    private var buckets: [String: (tokens: Double, updated: ContinuousClock.Instant)] = [:]

    /// One rate for every agency; `rate` 0 disables the limit.
    convenience init(rate: Int, burst: Int) {
        self.init(rates: BrokerConfiguration.Limits(agencyPublishRate: rate, agencyPublishBurst: burst))
    }

    /// The rates of `limits`: per agency where `agencyRates` names it, else the default.
    init(rates limits: BrokerConfiguration.Limits) {
        self.limits = limits
    }

    /// Takes one token for `agency`; false when the agency is above its rate.
    func admit(_ agency: String, now: ContinuousClock.Instant) -> Bool {
        let limit = limits.publishRate(of: agency)
        guard limit.rate > 0 else { return true }
        let rate = Double(limit.rate)
        let burst = Double(max(1, limit.burst))
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
