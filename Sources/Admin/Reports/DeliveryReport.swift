import Foundation

/// One delivery of an event to a subscription, with its attempts (`dlq show`, `events show`).
///
/// `Sendable`: a value type.
public struct DeliveryReport: Sendable, Hashable, Codable {
    /// One attempt.
    public struct Attempt: Sendable, Hashable, Codable {
        /// Its number.
        public var attempt: Int
        /// The consumer that held it.
        public var consumer: String
        /// When it was claimed.
        public var startedAt: Date
        /// When it ended.
        public var endedAt: Date?
        /// How it ended (`acked`, `retry`, `dead`, `lease-expired`, `released`, `restarted`).
        public var outcome: String?
        /// The failure reason reported.
        public var reason: String?
        /// The failure detail.
        public var detail: String?

        /// Creates an attempt line.
        public init(attempt: Int, consumer: String, startedAt: Date, endedAt: Date?, outcome: String?, reason: String?,
                    detail: String?) {
            self.attempt = attempt
            self.consumer = consumer
            self.startedAt = startedAt
            self.endedAt = endedAt
            self.outcome = outcome
            self.reason = reason
            self.detail = detail
        }
    }

    /// The delivery id.
    public var id: Int64
    /// The subscription.
    public var subscription: String
    /// `ready`, `inflight`, `waiting`, `dead`, `acked`.
    public var state: String
    /// Its attempt count.
    public var attempt: Int
    /// The last failure's reason.
    public var reason: String?
    /// The last failure's detail.
    public var detail: String?
    /// When it died.
    public var deadAt: Date?
    /// When it last changed.
    public var updatedAt: Date
    /// Its attempts, oldest first.
    public var attempts: [Attempt]

    /// Creates a report.
    public init(id: Int64, subscription: String, state: String, attempt: Int, reason: String?, detail: String?,
                deadAt: Date?, updatedAt: Date, attempts: [Attempt]) {
        self.id = id
        self.subscription = subscription
        self.state = state
        self.attempt = attempt
        self.reason = reason
        self.detail = detail
        self.deadAt = deadAt
        self.updatedAt = updatedAt
        self.attempts = attempts
    }
}
