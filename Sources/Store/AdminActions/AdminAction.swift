import Foundation

/// One state-changing action an operator asked the broker for (a dead-letter replay or purge),
/// as recorded for the audit trail: who, what, with which arguments, when, and how it ended.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct AdminAction: Sendable, Hashable, Codable {
    /// The store's id of the record (0 before it is recorded).
    public var id: Int64
    /// The operator's name (from `Config/operators.yaml`, authenticated by CURVE).
    public var operatorName: String
    /// The operator's role at the time (`viewer`, `operator`, `admin`).
    public var role: String
    /// The action, e.g. `dlq.replay` or `dlq.purge`.
    public var action: String
    /// The arguments as given (a JSON object as text; never payloads).
    public var arguments: String
    /// When the broker received the request.
    public var requestedAt: Date
    /// `done`, `denied` or `failed`.
    public var outcome: String
    /// What happened, e.g. `replayed 5 dead letters`, or the error's reason code and message.
    public var detail: String

    /// Creates a record.
    public init(id: Int64 = 0, operatorName: String, role: String, action: String, arguments: String,
                requestedAt: Date, outcome: String, detail: String) {
        self.id = id
        self.operatorName = operatorName
        self.role = role
        self.action = action
        self.arguments = arguments
        self.requestedAt = requestedAt
        self.outcome = outcome
        self.detail = detail
    }
}
