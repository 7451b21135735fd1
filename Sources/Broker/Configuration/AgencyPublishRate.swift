/// One agency's publish rate limit (`limits.agency-rates.<agency>`): a token bucket of `burst`
/// events refilled at `rate` events per second. `Sendable`: integers.
public struct AgencyPublishRate: Sendable, Hashable {
    /// Events per second on average; 0 = no limit.
    public var rate: Int
    /// The most events published at once above the average (the bucket's size), at least 1.
    public var burst: Int

    /// Creates a rate limit.
    public init(rate: Int, burst: Int) {
        self.rate = rate
        self.burst = burst
    }
}
