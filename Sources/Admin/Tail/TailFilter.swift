/// Which tail lines a client wants (`gerbang tail` options). Every criterion that is set must
/// hold. Applied by the broker before masking, so that a filter on a subject works while the
/// subject is shown masked.
///
/// `Sendable`: a value type.
public struct TailFilter: Sendable, Hashable, Codable {
    /// `--type`: a glob on the event type.
    public var type: GlobPattern?
    /// `--source`: the publishing agency.
    public var source: String?
    /// `--subscriber`: a subscription id, or a receiving agency, or `agency/adapter`.
    public var subscriber: String?
    /// `--subject`: the subject (exactly).
    public var subject: String?
    /// `--status`: any of these.
    public var statuses: [TailStatus]?
    /// `--where`.
    public var expression: WhereExpression?

    /// Creates a filter; every criterion defaults to "any".
    public init(type: GlobPattern? = nil, source: String? = nil, subscriber: String? = nil, subject: String? = nil,
                statuses: [TailStatus]? = nil, expression: WhereExpression? = nil) {
        self.type = type
        self.source = source
        self.subscriber = subscriber
        self.subject = subject
        self.statuses = statuses
        self.expression = expression
    }

    /// Whether `line` passes.
    public func matches(_ line: TailLine) -> Bool {
        if let type, !type.matches(line.type) { return false }
        if let source, line.source != source { return false }
        if let subscriber {
            let byAgency = line.subscriber.map { $0 == subscriber || $0.hasPrefix(subscriber + "/") } ?? false
            if line.subscription != subscriber && !byAgency { return false }
        }
        if let subject, line.subject != subject { return false }
        if let statuses, !statuses.contains(line.status) { return false }
        if let expression, !expression.matches(line) { return false }
        return true
    }
}
