import Foundation
import GRDB
import Store

extension SQLiteStore: AdminActionLog {
    /// Appends one row to `admin_actions` (through the group commit: durable on return).
    public func record(_ action: AdminAction) async throws(StoreError) -> Int64 {
        let audited = configuration.auditEnabled ? auditHead : nil
        return try await write { database in
            try database.execute(
                sql: """
                    INSERT INTO admin_actions (operator, role, action, arguments, requested_at, outcome, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [action.operatorName, action.role, action.action, action.arguments,
                            Timestamp.milliseconds(action.requestedAt), action.outcome, action.detail])
            let id = database.lastInsertedRowID
            if let audited { try Self.audit(action, head: audited, in: database) }
            return id
        }
    }

    /// The newest `limit` rows of `admin_actions`.
    public func adminActions(limit: Int) async throws(StoreError) -> [AdminAction] {
        guard limit >= 0 else { throw StoreError(.invalidArgument, "limit must not be negative") }
        return try await read("admin actions") { database in
            try Row.fetchAll(database, sql: "SELECT * FROM admin_actions ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                AdminAction(id: row["id"], operatorName: row["operator"], role: row["role"], action: row["action"],
                            arguments: row["arguments"], requestedAt: Timestamp.date(row["requested_at"] as Int64),
                            outcome: row["outcome"], detail: row["detail"])
            }
        }
    }
}
