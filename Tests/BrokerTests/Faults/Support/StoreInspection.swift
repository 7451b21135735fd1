import Foundation
import GRDB

/// Reads a broker's store file directly (read-only, next to the running broker: WAL mode lets
/// a reader in while the broker writes), for assertions the wire cannot make.
enum StoreInspection {
    /// The event ids of the deliveries of `subscription` that are in `state` (`dead`, `ready`…).
    static func eventIDs(in database: URL, subscription: String, state: String) throws -> Set<String> {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: database.path, configuration: configuration)
        return try queue.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT e.event_id FROM delivery d JOIN event e ON e.seq = d.seq
                WHERE d.subscription = ? AND d.state = ?
                """, arguments: [subscription, state]))
        }
    }
}
