/// One request to the admin endpoint: a JSON object in one ZeroMQ frame (`docs/admin.md`).
///
/// `Sendable`: a value type of `Sendable` fields.
public struct AdminRequest: Sendable, Hashable, Codable {
    /// What to do.
    public var action: AdminCommand
    /// Echoed in the response, so a client can match answers.
    public var requestID: String
    /// Dead-letter selection (`dlq.*`).
    public var deadLetters: DeadLetterQuery?
    /// Which event (`events.show`): its sequence number, or its `source` and `id`.
    public var event: EventQuery?
    /// What to follow (`tail`).
    public var tail: TailRequest?
    /// Ask for personal data unmasked (`tail`, `dlq.show`, `events.show`); admin role only.
    public var unmask: Bool

    /// Creates a request.
    public init(action: AdminCommand, requestID: String = "", deadLetters: DeadLetterQuery? = nil, event: EventQuery? = nil,
                tail: TailRequest? = nil, unmask: Bool = false) {
        self.action = action
        self.requestID = requestID
        self.deadLetters = deadLetters
        self.event = event
        self.tail = tail
        self.unmask = unmask
    }
}

/// Selects dead letters (`dlq.list`, `dlq.show`, `dlq.replay`, `dlq.purge`).
///
/// `Sendable`: a value type.
public struct DeadLetterQuery: Sendable, Hashable, Codable {
    /// Only this subscription.
    public var subscription: String?
    /// Only types matching this glob.
    public var type: String?
    /// Only this last failure reason code.
    public var reason: String?
    /// Only dead letters at least this old, seconds.
    public var olderThanSeconds: Double?
    /// Only dead letters at most this old, seconds.
    public var newerThanSeconds: Double?
    /// Only these delivery ids.
    public var deliveries: [Int64]?
    /// At most this many (default 100).
    public var limit: Int
    /// For replay and purge: only count what would change, change nothing.
    public var dryRun: Bool

    /// Creates a query; every criterion defaults to "any".
    public init(subscription: String? = nil, type: String? = nil, reason: String? = nil, olderThanSeconds: Double? = nil,
                newerThanSeconds: Double? = nil, deliveries: [Int64]? = nil, limit: Int = 100, dryRun: Bool = false) {
        self.subscription = subscription
        self.type = type
        self.reason = reason
        self.olderThanSeconds = olderThanSeconds
        self.newerThanSeconds = newerThanSeconds
        self.deliveries = deliveries
        self.limit = limit
        self.dryRun = dryRun
    }
}

/// Names one event (`events.show`).
///
/// `Sendable`: a value type.
public struct EventQuery: Sendable, Hashable, Codable {
    /// The acceptance sequence number.
    public var sequence: Int64?
    /// The event's `source` (with `id`).
    public var source: String?
    /// The event's `id` (with `source`).
    public var id: String?

    /// Creates a query.
    public init(sequence: Int64? = nil, source: String? = nil, id: String? = nil) {
        self.sequence = sequence
        self.source = source
        self.id = id
    }
}

/// What a tail follows (`tail`).
///
/// `Sendable`: a value type.
public struct TailRequest: Sendable, Hashable, Codable {
    /// Which lines to send.
    public var filter: TailFilter
    /// Replay the accepted events of the store from this many seconds ago first.
    public var sinceSeconds: Double?
    /// Replay every stored event first.
    public var fromStart: Bool
    /// At most this many history lines (default 10,000).
    public var historyLimit: Int

    /// Creates a tail request.
    public init(filter: TailFilter = TailFilter(), sinceSeconds: Double? = nil, fromStart: Bool = false, historyLimit: Int = 10_000) {
        self.filter = filter
        self.sinceSeconds = sinceSeconds
        self.fromStart = fromStart
        self.historyLimit = historyLimit
    }
}
