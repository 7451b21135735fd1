/// How a subscription's failed deliveries are retried and when they go to the dead letters.
///
/// Each value has a documented default (the `retry:` keys of `Config/routes.yaml`,
/// `docs/routes.md`):
///
/// | property | key | default | range |
/// |---|---|---|---|
/// | ``maxAttempts`` | `max-attempts` | 10 | 1…1000 |
/// | ``backoffBase`` | `backoff-base` | `1s` | 1 ms…24 h |
/// | ``backoffFactor`` | `backoff-factor` | 2 | 1…100 |
/// | ``backoffCap`` | `backoff-cap` | `5m` | `backoff-base`…24 h |
/// | ``visibilityTimeout`` | `visibility-timeout` | `30s` | 1 ms…12 h |
///
/// `Sendable`: a value type of `Sendable` fields.
public struct RetryPolicy: Sendable, Hashable {
    /// Delivery attempts in all, the first included: after attempt `maxAttempts` fails (NACK
    /// retry or lease expiry), the event goes to the dead letters. Default 10.
    public var maxAttempts: Int
    /// The upper bound of the first retry's delay. Default 1 s.
    public var backoffBase: Duration
    /// How much the upper bound grows per attempt. Default 2.
    public var backoffFactor: Double
    /// The largest delay: neither the backoff nor a consumer-requested delay exceeds it. Default 5 min.
    public var backoffCap: Duration
    /// The lease of each delivery: unacknowledged for this long, it is delivered again with
    /// attempt + 1. Default 30 s.
    public var visibilityTimeout: Duration

    /// The default `max-attempts`.
    public static let defaultMaxAttempts = 10
    /// The default `backoff-base`.
    public static let defaultBackoffBase = Duration.seconds(1)
    /// The default `backoff-factor`.
    public static let defaultBackoffFactor = 2.0
    /// The default `backoff-cap`.
    public static let defaultBackoffCap = Duration.seconds(300)
    /// The default `visibility-timeout`.
    public static let defaultVisibilityTimeout = Duration.seconds(30)

    /// The accepted `max-attempts`.
    public static let maxAttemptsRange = 1...1_000
    /// The accepted `backoff-factor`.
    public static let backoffFactorRange = 1.0...100.0
    /// The accepted `backoff-base` and `backoff-cap`.
    public static let backoffRange = Duration.milliseconds(1)...Duration.seconds(86_400)
    /// The accepted `visibility-timeout`.
    public static let visibilityTimeoutRange = Duration.milliseconds(1)...Duration.seconds(43_200)

    /// A policy; every value defaults to the documented default.
    public init(
        maxAttempts: Int = RetryPolicy.defaultMaxAttempts,
        backoffBase: Duration = RetryPolicy.defaultBackoffBase,
        backoffFactor: Double = RetryPolicy.defaultBackoffFactor,
        backoffCap: Duration = RetryPolicy.defaultBackoffCap,
        visibilityTimeout: Duration = RetryPolicy.defaultVisibilityTimeout
    ) {
        self.maxAttempts = maxAttempts
        self.backoffBase = backoffBase
        self.backoffFactor = backoffFactor
        self.backoffCap = backoffCap
        self.visibilityTimeout = visibilityTimeout
    }

    /// Whether a delivery whose attempt number `attempt` (1-based) just failed goes to the dead
    /// letters instead of being retried.
    public func isExhausted(afterAttempt attempt: Int) -> Bool { attempt >= maxAttempts }
}
