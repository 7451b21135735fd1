import Audit
import Foundation
import PostgresNIO
import Store

extension PostgresStore: AdminActionLog {
    /// Appends one row to `admin_actions` (through the group commit: durable on return), with
    /// its audit record in the same transaction.
    public func record(_ action: AdminAction) async throws(StoreError) -> Int64 {
        let audited = configuration.auditEnabled
        return try await write(needsWriteOrder: audited) { transaction in
            guard let row = try await transaction.rows("""
                INSERT INTO admin_actions (operator, role, action, arguments, requested_at, outcome, detail)
                VALUES (\(action.operatorName), \(action.role), \(action.action), \(action.arguments),
                        \(Timestamp.milliseconds(action.requestedAt)), \(action.outcome), \(action.detail))
                RETURNING id
                """).first else { throw StoreError(.internal, "INSERT … RETURNING returned no row") }
            if audited {
                try await PostgresAuditLedger.append(
                    .adminAction(operator: action.operatorName, role: action.role, action: action.action,
                                 arguments: action.arguments, outcome: action.outcome, detail: action.detail,
                                 at: action.requestedAt),
                    in: transaction)
            }
            return try row.decode(Int64.self)
        }
    }

    /// The newest `limit` rows of `admin_actions`.
    public func adminActions(limit: Int) async throws(StoreError) -> [AdminAction] {
        guard limit >= 0 else { throw StoreError(.invalidArgument, "limit must not be negative") }
        return try await read("admin actions") { connection in
            try await connection.rows("""
                SELECT id, operator, role, action, arguments, requested_at, outcome, detail
                FROM admin_actions ORDER BY id DESC LIMIT \(limit)
                """, logger: self.logger).map { row in
                let (id, name, role, action, arguments, requestedAt, outcome, detail) =
                    try row.decode((Int64, String, String, String, String, Int64, String, String).self)
                return AdminAction(id: id, operatorName: name, role: role, action: action, arguments: arguments,
                                   requestedAt: Timestamp.date(requestedAt), outcome: outcome, detail: detail)
            }
        }
    }
}
