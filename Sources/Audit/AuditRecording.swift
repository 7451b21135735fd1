import Foundation

/// Something that appends entries to the audit trail durably (the broker's store).
///
/// Conforming types are `Sendable`: the broker records from many tasks.
public protocol AuditRecording: Sendable {
    /// Appends `entry`; returns once it is durable.
    func recordAudit(_ entry: AuditEntry) async throws
}

extension AuditRecording {
    /// Records an operator's administrative action (what admin endpoints call after acting):
    /// who, what, with which arguments (as given, e.g. JSON text) and how it ended.
    public func record(adminAction action: String, operator name: String, arguments: String, outcome: String,
                       at time: Date = Date()) async throws {
        try await recordAudit(.adminAction(operator: name, action: action, arguments: arguments, outcome: outcome, at: time))
    }
}
