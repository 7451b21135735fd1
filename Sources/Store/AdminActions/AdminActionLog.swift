/// Where the broker records the actions of its operators (the audit trail builds on it).
///
/// A conforming type is `Sendable`. ``record(_:)`` returns once the record is durable.
public protocol AdminActionLog: Sendable {
    /// Durably records one action and returns its id.
    func record(_ action: AdminAction) async throws(StoreError) -> Int64

    /// The most recent actions, newest first, at most `limit`.
    func adminActions(limit: Int) async throws(StoreError) -> [AdminAction]
}
