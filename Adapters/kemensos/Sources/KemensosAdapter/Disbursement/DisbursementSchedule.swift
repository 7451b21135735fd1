/// When the disbursement cycle runs and which period it pays (the `disbursement:` settings).
///
/// `Sendable`, `Decodable`: a value type (kebab-case YAML keys).
public struct DisbursementSchedule: Sendable, Hashable, Decodable {
    /// Seconds between two cycles; 0 = only when asked (SIGUSR1). Default 60.
    public var intervalSeconds: Int
    /// Seconds before the first cycle. Default 10.
    public var initialDelaySeconds: Int
    /// `current-quarter` (default), `current-month`, or a fixed period such as `2026-Q4`.
    public var period: String
    /// Days from the request to `payBy`. Default 30.
    public var payWithinDays: Int

    /// The documented defaults.
    public init(intervalSeconds: Int = 60, initialDelaySeconds: Int = 10, period: String = "current-quarter", payWithinDays: Int = 30) {
        self.intervalSeconds = intervalSeconds
        self.initialDelaySeconds = initialDelaySeconds
        self.period = period
        self.payWithinDays = payWithinDays
    }

    enum CodingKeys: String, CodingKey {
        case intervalSeconds = "interval-seconds"
        case initialDelaySeconds = "initial-delay-seconds"
        case period
        case payWithinDays = "pay-within-days"
    }

    public init(from decoder: any Decoder) throws {
        let defaults = DisbursementSchedule()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        intervalSeconds = try container.decodeIfPresent(Int.self, forKey: .intervalSeconds) ?? defaults.intervalSeconds
        initialDelaySeconds = try container.decodeIfPresent(Int.self, forKey: .initialDelaySeconds) ?? defaults.initialDelaySeconds
        period = try container.decodeIfPresent(String.self, forKey: .period) ?? defaults.period
        payWithinDays = try container.decodeIfPresent(Int.self, forKey: .payWithinDays) ?? defaults.payWithinDays
        guard intervalSeconds >= 0, initialDelaySeconds >= 0, (1...366).contains(payWithinDays) else {
            throw DecodingError.dataCorruptedError(forKey: .intervalSeconds, in: container,
                                                   debugDescription: "interval and delay are >= 0 seconds, pay-within-days 1-366")
        }
        guard resolvedPeriod() != nil else {
            throw DecodingError.dataCorruptedError(forKey: .period, in: container,
                                                   debugDescription: "period is current-quarter, current-month, YYYY-Qn or YYYY-MM")
        }
    }

    /// The period the next cycle pays (nil when ``period`` is not understood).
    public func resolvedPeriod() -> DisbursementPeriod? {
        switch period {
        case "current-quarter": .current(.quarter)
        case "current-month": .current(.month)
        default: DisbursementPeriod(period)
        }
    }
}
