import Foundation

/// One recorded admin action (`gerbang actions`).
///
/// `Sendable`: a value type.
public struct AdminActionReport: Sendable, Hashable, Codable {
    /// Record id.
    public var id: Int64
    /// Who.
    public var operatorName: String
    /// Their role.
    public var role: String
    /// What (`dlq.replay`, `dlq.purge`).
    public var action: String
    /// With which arguments (JSON).
    public var arguments: String
    /// When.
    public var requestedAt: Date
    /// `done`, `denied` or `failed`.
    public var outcome: String
    /// What happened.
    public var detail: String

    /// Creates a report.
    public init(id: Int64, operatorName: String, role: String, action: String, arguments: String, requestedAt: Date,
                outcome: String, detail: String) {
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
