import Logging
import PostgresNIO

/// The batch transaction a write operation runs in: the writer's connection, the audit chain's
/// head as this transaction has extended it, and the subscriptions whose deliveries became ready
/// (announced by one `NOTIFY` before the commit).
///
/// Not `Sendable`: it belongs to the writer task, which runs the batch's operations one after
/// the other.
final class PostgresWriteTransaction {
    /// The writer's connection, inside `BEGIN`.
    let connection: PostgresConnection
    let logger: Logger
    /// The audit chain's head read in this transaction (under the write-order lock) and extended
    /// by its records; nil until the first record of the transaction.
    var auditHead: (index: Int64, hash: [UInt8])?
    /// Subscriptions that got ready deliveries in this transaction.
    private(set) var readySubscriptions: Set<String> = []

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs `query` and returns every row.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.rows(query, logger: logger)
    }

    /// Runs `query` for its effect.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await connection.rows(query, logger: logger)
    }

    /// Notes that `subscriptions` have new ready deliveries.
    func markReady<S: Sequence>(_ subscriptions: S) where S.Element == String {
        readySubscriptions.formUnion(subscriptions)
    }

    /// What an operation may change beside the database, saved before it runs so that a
    /// rollback to its savepoint restores it.
    struct Checkpoint {
        fileprivate let auditHead: (index: Int64, hash: [UInt8])?
        fileprivate let readySubscriptions: Set<String>
    }

    /// The state to restore if the next operation is rolled back.
    func checkpoint() -> Checkpoint {
        Checkpoint(auditHead: auditHead, readySubscriptions: readySubscriptions)
    }

    /// Restores the state saved before an operation that was rolled back.
    func restore(_ checkpoint: Checkpoint) {
        auditHead = checkpoint.auditHead
        readySubscriptions = checkpoint.readySubscriptions
    }
}
