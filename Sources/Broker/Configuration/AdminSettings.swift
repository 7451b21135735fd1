/// Limits of the admin endpoint (`admin` in the configuration, `docs/configuration.md`).
///
/// `Sendable`: integers.
public struct AdminSettings: Sendable, Hashable {
    /// Observations the broker loop may queue for the admin thread; beyond it they are dropped
    /// (and every tail is told how many). Default 65,536.
    public var tailBuffer: Int
    /// Frames the admin endpoint queues per tail (`ZMQ_SNDHWM`); a tail that reads slower misses
    /// lines and is told how many. Default 1,000.
    public var tailQueue: Int
    /// Tails connected at once. Default 16.
    public var maxTails: Int
    /// Requests in progress at once (store reads, replays); more wait. Default 4.
    public var maxConcurrentRequests: Int

    /// Creates settings; every argument defaults to the documented default.
    public init(tailBuffer: Int = 65_536, tailQueue: Int = 1_000, maxTails: Int = 16, maxConcurrentRequests: Int = 4) {
        self.tailBuffer = tailBuffer
        self.tailQueue = tailQueue
        self.maxTails = maxTails
        self.maxConcurrentRequests = maxConcurrentRequests
    }

    static func parse(_ section: YAMLSection) throws(BrokerConfigurationError) -> AdminSettings {
        try section.requireOnly(["tail-buffer", "tail-queue", "max-tails", "max-concurrent-requests"])
        var settings = AdminSettings()
        settings.tailBuffer = try section.int("tail-buffer", in: 16...10_000_000) ?? settings.tailBuffer
        settings.tailQueue = try section.int("tail-queue", in: 1...1_000_000) ?? settings.tailQueue
        settings.maxTails = try section.int("max-tails", in: 0...1_024) ?? settings.maxTails
        settings.maxConcurrentRequests = try section.int("max-concurrent-requests", in: 1...64) ?? settings.maxConcurrentRequests
        return settings
    }
}
