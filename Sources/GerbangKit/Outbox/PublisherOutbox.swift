import Foundation
import GRDB

/// A publisher outbox: an SQLite file that holds every event from the moment `publish` is called
/// until the broker answered it, so that events survive the adapter's own crash or restart.
/// `Sendable`: GRDB's `DatabaseQueue` serialises every access on its own queue.
///
/// ``GerbangClient`` writes an event here before sending it and deletes it when the broker
/// answered (ACCEPTED or REJECTED). On start it sends whatever is still here again; the broker's
/// de-duplication by (`source`, `id`) makes that safe (the repeat is ACCEPTED as a duplicate).
///
/// Durability: WAL journal with `synchronous = FULL`, so a stored event is on disk before it is
/// sent.
public final class PublisherOutbox: Sendable {
    /// One stored event. `Sendable`: a value type.
    public struct Entry: Sendable, Hashable {
        /// The row id (increasing in publish order).
        public let id: Int64
        /// The signed event bytes.
        public let event: [UInt8]
    }

    private let database: DatabaseQueue
    /// How long a statement waits for another connection's lock, in seconds.
    static let busyTimeoutSeconds: TimeInterval = 5

    /// Opens (and creates when missing, with its folder) the outbox at `path`.
    public init(path: String) throws(GerbangClientError) {
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            // Another connection to the same file (a tool reading it, a second client) may hold
            // the write lock for a moment: wait for it instead of failing with SQLITE_BUSY.
            configuration.busyMode = .timeout(Self.busyTimeoutSeconds)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
            _ = try database.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try database.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS outbox (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        event BLOB NOT NULL,
                        stored_at REAL NOT NULL
                    )
                    """)
            }
        } catch {
            throw GerbangClientError(.outbox, "\(path): \(error)")
        }
    }

    /// Stores events durably and returns their ids, in order (one transaction).
    public func store(_ events: [[UInt8]]) async throws(GerbangClientError) -> [Int64] {
        do {
            return try await database.write { db in
                let now = Date().timeIntervalSince1970
                var ids: [Int64] = []
                ids.reserveCapacity(events.count)
                for event in events {
                    try db.execute(sql: "INSERT INTO outbox (event, stored_at) VALUES (?, ?)",
                                   arguments: [Data(event), now])
                    ids.append(db.lastInsertedRowID)
                }
                return ids
            }
        } catch {
            throw GerbangClientError(.outbox, "cannot store events: \(error)")
        }
    }

    /// Deletes answered events (called by the client's I/O thread; blocks until written).
    public func remove(_ ids: [Int64]) throws(GerbangClientError) {
        do {
            try database.write { db in
                for id in ids { try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id]) }
            }
        } catch {
            throw GerbangClientError(.outbox, "cannot delete events: \(error)")
        }
    }

    /// The events not yet answered, oldest first.
    public func outstanding() throws(GerbangClientError) -> [Entry] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT id, event FROM outbox ORDER BY id").map { row in
                    Entry(id: row["id"], event: Array(row["event"] as Data))
                }
            }
        } catch {
            throw GerbangClientError(.outbox, "cannot read: \(error)")
        }
    }
}
