import GRDB
import GRDBSQLite

/// A prepared statement of the store writer's hot path (append, claim, acknowledge), bound and
/// stepped through SQLite's C interface instead of GRDB's `StatementArguments`.
///
/// GRDB converts every argument to a `DatabaseValue` (an existential per argument, an array per
/// call, a copy of every blob) before binding it; at three to five statements per delivery that
/// was a tenth of the writer's time in w1. Here an argument goes straight to
/// `sqlite3_bind_*`. The statement itself stays GRDB's (`Database.cachedStatement(sql:)`: GRDB
/// prepares it, caches it per connection and finalizes it when the connection closes), and is
/// used by this type only: the SQL texts of hot statements are not used anywhere else, so GRDB
/// never finds one of them half-stepped.
///
/// Use: ``bind(_:_:)`` every parameter (1-based), then ``execute()`` or ``step()`` and the column
/// readers, then ``reset()`` (``execute()`` resets by itself). "The sqlite3_reset() function is
/// called to reset a prepared statement object back to its initial state, ready to be
/// re-executed. Any SQL statement variables that had values bound to them using the
/// sqlite3_bind_*() API retain their values" (https://www.sqlite.org/c3ref/reset.html): every
/// call binds every parameter, so no value leaks from one call into the next.
///
/// Not `Sendable`: it belongs to the writer connection and is used inside one write operation on
/// the writer thread.
struct HotStatement {
    private let database: Database
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    /// The cached statement of `sql` on `database` (prepared on first use).
    init(_ sql: String, in database: Database) throws {
        self.database = database
        statement = try database.cachedStatement(sql: sql)
    }

    // MARK: Binding

    /// Binds an integer.
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    /// Binds an integer.
    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    /// Binds a text, or NULL.
    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { utf8 in
            // An empty buffer may have no address, and a NULL pointer would bind NULL.
            guard !utf8.isEmpty else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            // SQLITE_TRANSIENT: "SQLite makes its own private copy of the data immediately,
            // before the sqlite3_bind_*() routine returns" (https://www.sqlite.org/c3ref/bind_blob.html).
            UnsafeRawBufferPointer(utf8).withMemoryRebound(to: CChar.self) { text in
                _ = sqlite3_bind_text(handle, index, text.baseAddress, Int32(text.count), Self.transient)
            }
        }
    }

    /// Binds a blob (copied by SQLite before this returns).
    func bind(_ index: Int32, blob bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count),
                                  Self.transient)
        }
    }

    // MARK: Running

    /// Runs the statement to completion (an `INSERT` or `UPDATE`) and resets it.
    func execute() throws {
        defer { sqlite3_reset(handle) }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// The next row: true when there is one (read it with the column readers), false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            sqlite3_reset(handle)
            throw error(code)
        }
    }

    /// Resets the statement after ``step()`` (before the next call binds again).
    func reset() {
        sqlite3_reset(handle)
    }

    // MARK: Reading the current row (0-based columns)

    /// An integer column.
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// A text column, nil when NULL.
    func string(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else {
            return nil
        }
        // "The pointers returned are valid until a type conversion occurs […] or until
        // sqlite3_step() or sqlite3_reset() or sqlite3_finalize() is called"
        // (https://www.sqlite.org/c3ref/column_blob.html): copied into a String at once.
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeRawBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// A blob column, copied (empty when NULL or empty).
    func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let blob = sqlite3_column_blob(handle, column) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: blob, count: count))
    }

    // MARK: Errors

    /// The failure of a step, as GRDB reports it (so that ``StoreError/init(mapping:context:)``
    /// and the writer's isolation of a failing operation see the same error either way).
    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_errmsg(database.sqliteConnection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(database.sqliteConnection)),
                             message: message, sql: statement.sql)
    }

    /// `SQLITE_TRANSIENT`, which the C header defines as a cast of -1.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
