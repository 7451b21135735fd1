import GRDB
import Store

/// The SQL selecting the dead letters of a ``DeadLetterFilter`` (delivery alias `d`, event
/// alias `e`), oldest first.
struct DeadLetterSelection {
    /// `FROM … WHERE …` without `ORDER BY` and `LIMIT`.
    let fromWhere: String
    /// The arguments of ``fromWhere`` followed by the limit.
    let arguments: StatementArguments

    /// `SELECT d.id` of the matching dead letters, oldest first, limited.
    var idSubquery: String { "SELECT d.id \(fromWhere) ORDER BY d.dead_at, d.id LIMIT ?" }

    /// Builds the selection; the filter's values are bound, never spliced into SQL.
    init(_ filter: DeadLetterFilter) throws(StoreError) {
        guard filter.limit >= 0 else {
            throw StoreError(.invalidArgument, "dead-letter limit must not be negative, got \(filter.limit)")
        }
        var clauses = ["d.state = 'dead'"]
        var values: [(any DatabaseValueConvertible)?] = []
        if let subscription = filter.subscription {
            clauses.append("d.subscription = ?")
            values.append(subscription.rawValue)
        }
        if let typePattern = filter.typePattern {
            clauses.append("e.type GLOB ?")
            values.append(typePattern)
        }
        if let reason = filter.reason {
            clauses.append("d.last_error_reason = ?")
            values.append(reason)
        }
        if let deadBefore = filter.deadBefore {
            clauses.append("d.dead_at <= ?")
            values.append(Timestamp.milliseconds(deadBefore))
        }
        if let deadSince = filter.deadSince {
            clauses.append("d.dead_at >= ?")
            values.append(Timestamp.milliseconds(deadSince))
        }
        if let deliveries = filter.deliveries {
            if deliveries.isEmpty {
                clauses.append("0")
            } else {
                clauses.append("d.id IN (\(Array(repeating: "?", count: deliveries.count).joined(separator: ", ")))")
                values.append(contentsOf: deliveries.map(\.rawValue))
            }
        }
        values.append(filter.limit)
        self.fromWhere = "FROM delivery AS d JOIN event AS e ON e.seq = d.seq WHERE " + clauses.joined(separator: " AND ")
        self.arguments = StatementArguments(values)
    }
}
