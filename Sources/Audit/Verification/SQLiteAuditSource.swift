import Foundation
import GRDB

/// Reads the audit tables of a broker's SQLite store file, read-only (the broker may be running:
/// WAL mode lets readers and the writer work at once).
///
/// Not `Sendable`: one verification uses it. The GRDB queue is closed when it is released.
public final class SQLiteAuditSource: AuditSource {
    let queue: DatabaseQueue
    /// Which tables hold event bytes (read once, at open).
    let bodyTables: AuditLedger.EventBodyTables

    /// Opens `path` read-only. Fails with `audit.store` when it is not a Gerbang store with
    /// audit tables.
    public init(path: String) throws(AuditError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw AuditError(.store, "no store file at \(path)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let hasTable = try queue.read { try $0.tableExists("audit_record") }
            guard hasTable else { throw AuditError(.store, "\(path) has no audit trail (table audit_record)") }
            bodyTables = try queue.read { try AuditLedger.EventBodyTables(of: $0) }
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.store, "cannot open \(path) read-only: \(error)")
        }
    }

    /// The retention anchor.
    public func anchor() throws(AuditError) -> AuditAnchor? {
        try read { try AuditLedger.anchor(in: $0) }
    }

    /// Records in index order.
    public func records(from: Int64, to: Int64, limit: Int) throws(AuditError) -> [AuditRecord] {
        try read { try AuditLedger.records(from: from, to: to, limit: limit, in: $0) }
    }

    /// Checkpoints, oldest first.
    public func checkpoints() throws(AuditError) -> [AuditCheckpoint] {
        try read { try AuditLedger.checkpoints(in: $0) }
    }

    /// An accepted event's bytes (kept body, or the event row while the event is kept).
    public func eventBody(sequence: Int64) throws(AuditError) -> [UInt8]? {
        let tables = bodyTables
        return try read { try AuditLedger.eventBody(sequence: sequence, tables: tables, in: $0) }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(AuditError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw AuditError(.store, "reading the audit tables: \(error)")
        }
    }
}
