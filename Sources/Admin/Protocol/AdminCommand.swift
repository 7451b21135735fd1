/// The actions of the admin protocol (`docs/admin.md`). The raw values are the wire names.
///
/// `Sendable`: an enum.
public enum AdminCommand: String, Sendable, Hashable, Codable, CaseIterable {
    /// Who am I: the operator name and role the broker authenticated.
    case whoami
    /// Version, uptime, store, rates.
    case status
    /// Per subscription: ready, in flight, waiting, dead, oldest age, delivery rate.
    case queues
    /// Connected adapter sessions.
    case adapters
    /// The routes in force.
    case routes
    /// Dead letters matching a filter.
    case dlqList = "dlq.list"
    /// One dead letter with its event and attempt history.
    case dlqShow = "dlq.show"
    /// Re-queue dead letters (attempt reset). Operator or admin.
    case dlqReplay = "dlq.replay"
    /// Delete dead letters. Operator or admin.
    case dlqPurge = "dlq.purge"
    /// One event, its signature verdict and its delivery history.
    case eventsShow = "events.show"
    /// Start following the broker's observations (answered by a response, then `line` frames).
    case tail
    /// Stop following.
    case tailStop = "tail.stop"
    /// The most recent recorded admin actions.
    case actions

    /// Whether the action changes state (recorded in `admin_actions`, operator role needed).
    public var changesState: Bool { self == .dlqReplay || self == .dlqPurge }
}
