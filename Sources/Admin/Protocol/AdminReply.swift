/// One frame from the admin endpoint to a client: a response to a request, or (after `tail`) a
/// tail line or a missed-lines notice.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct AdminReply: Sendable, Hashable, Codable {
    /// What the frame carries.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The answer to a request (`requestID` echoed).
        case response
        /// One observation (`line`).
        case line
        /// Lines dropped for this tail since the last notice (`missed`).
        case missed
        /// The history replay of a tail is complete; live lines follow.
        case live
    }

    /// What the frame carries.
    public var kind: Kind
    /// The request's id (responses).
    public var requestID: String?
    /// The failure, when the request failed.
    public var error: AdminError?
    /// The authenticated operator (every response).
    public var operatorName: String?
    /// The operator's role (every response).
    public var role: AdminRole?
    /// `status`.
    public var status: StatusReport?
    /// `queues`.
    public var queues: [QueueReport]?
    /// `queues`: the nodes sharing the store (`status` carries them in its report).
    public var nodes: [NodeReport]?
    /// `adapters`.
    public var adapters: [AdapterReport]?
    /// `routes`.
    public var routes: RoutesReport?
    /// `dlq.list`, `dlq.show`, and the dry runs of replay and purge.
    public var deadLetters: [DeadLetterReport]?
    /// How many dead letters were (or, in a dry run, would be) replayed or purged.
    public var count: Int?
    /// `events.show`.
    public var event: EventReport?
    /// `actions`.
    public var actions: [AdminActionReport]?
    /// A tail line.
    public var line: TailLine?
    /// Lines missed since the last notice.
    public var missed: Int?

    /// Creates a reply of `kind` with nothing else set.
    public init(kind: Kind, requestID: String? = nil) {
        self.kind = kind
        self.requestID = requestID
    }

    /// A failed response.
    public static func failure(_ error: AdminError, requestID: String?) -> AdminReply {
        var reply = AdminReply(kind: .response, requestID: requestID)
        reply.error = error
        return reply
    }
}
