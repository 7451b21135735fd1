/// Something that appends entries to the audit trail durably (the broker's store).
///
/// Conforming types are `Sendable`: the broker records from many tasks.
public protocol AuditRecording: Sendable {
    /// Appends `entry`; returns once it is durable.
    func recordAudit(_ entry: AuditEntry) async throws
}
