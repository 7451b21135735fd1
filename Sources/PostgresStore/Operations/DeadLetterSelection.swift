import PostgresNIO
import Store

/// The SQL selecting the dead letters of a ``DeadLetterFilter`` (delivery alias `d`, event alias
/// `e`), oldest first; the filter's values are bound, never spliced into SQL.
struct DeadLetterSelection {
    /// `FROM … WHERE …` without `ORDER BY` and `LIMIT` (parameters `$1 … $n`).
    let fromWhere: String
    /// The bindings of ``fromWhere`` followed by the limit (`$n+1`).
    let binds: PostgresBindings
    /// The placeholder of the limit.
    let limitPlaceholder: String

    /// `SELECT d.id` of the matching dead letters, oldest first, limited.
    var idSubquery: String { "SELECT d.id \(fromWhere) ORDER BY d.dead_at, d.id LIMIT \(limitPlaceholder)" }

    /// Builds the selection.
    init(_ filter: DeadLetterFilter) throws(StoreError) {
        guard filter.limit >= 0 else {
            throw StoreError(.invalidArgument, "dead-letter limit must not be negative, got \(filter.limit)")
        }
        var clauses = ["d.state = 'dead'"]
        var binds = PostgresBindings()
        func next() -> String { "$\(binds.count)" }
        if let subscription = filter.subscription {
            binds.append(subscription.rawValue)
            clauses.append("d.subscription = \(next())")
        }
        if let typePattern = filter.typePattern {
            binds.append(Self.likePattern(glob: typePattern))
            clauses.append("e.type LIKE \(next()) ESCAPE '\\'")
        }
        if let reason = filter.reason {
            binds.append(reason)
            clauses.append("d.last_error_reason = \(next())")
        }
        if let deadBefore = filter.deadBefore {
            binds.append(Timestamp.milliseconds(deadBefore))
            clauses.append("d.dead_at <= \(next())")
        }
        if let deadSince = filter.deadSince {
            binds.append(Timestamp.milliseconds(deadSince))
            clauses.append("d.dead_at >= \(next())")
        }
        if let deliveries = filter.deliveries {
            binds.append(deliveries.map(\.rawValue))
            clauses.append("d.id = ANY(\(next()))")
        }
        binds.append(filter.limit)
        self.limitPlaceholder = "$\(binds.count)"
        self.fromWhere = "FROM delivery AS d JOIN event AS e ON e.seq = d.seq WHERE " + clauses.joined(separator: " AND ")
        self.binds = binds
    }

    /// The `LIKE` pattern of a glob: `*` any run, `?` one character (as SQLite's `GLOB`, which the
    /// SQLite store uses; case-sensitive like it); `%`, `_` and `\` are literal.
    static func likePattern(glob: String) -> String {
        var pattern = ""
        for character in glob {
            switch character {
            case "*": pattern.append("%")
            case "?": pattern.append("_")
            case "%", "_", "\\": pattern.append("\\"); pattern.append(character)
            default: pattern.append(character)
            }
        }
        return pattern
    }
}
