import GRDB
import Store
import Testing

@testable import SQLiteStore

/// The writer's hot statements bind through SQLite's C interface: the values must read back
/// exactly as GRDB would have written them, and failures must look like GRDB's.
@Suite("SQLiteStore: hot statements")
struct HotStatementTests {
    @Test("texts (empty ones too), NULLs, integers and blobs read back exactly; a statement is reusable")
    func valuesRoundTrip() throws {
        let queue = try DatabaseQueue()
        try queue.write { database in
            try database.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT, n INTEGER, body BLOB)")
            let insert = try HotStatement("INSERT INTO t (name, note, n, body) VALUES (?, ?, ?, ?)", in: database)
            let rows: [(String?, String?, Int64, [UInt8])] = [
                ("", nil, 0, []),
                ("nama lengkap: Siti Nurhaliza", "catatan ✓ ü", -1, Array(0...255).map(UInt8.init)),
                (String(repeating: "x", count: 10_000), "", Int64.max, [0]),
            ]
            for (name, note, number, body) in rows {
                insert.bind(1, name)
                insert.bind(2, note)
                insert.bind(3, number)
                insert.bind(4, blob: body)
                try insert.execute()
            }
            let read = try HotStatement("SELECT name, note, n, body FROM t WHERE id = ?", in: database)
            for (index, (name, note, number, body)) in rows.enumerated() {
                read.bind(1, Int64(index + 1))
                #expect(try read.step())
                #expect(read.string(0) == name)
                #expect(read.string(1) == note)
                #expect(read.int64(2) == number)
                #expect(read.bytes(3) == body)
                #expect(try !read.step())
                read.reset()
            }
            // GRDB reads the same values: an empty text is not NULL, an empty blob is stored empty.
            let first = try #require(try Row.fetchOne(database, sql: "SELECT name, note, typeof(body) AS kind FROM t WHERE id = 1"))
            #expect(first["name"] as String? == "")
            #expect(first["note"] as String? == nil)
            #expect(first["kind"] as String == "blob")
        }
    }

    @Test("a broken constraint is a GRDB DatabaseError with SQLite's code and message, local to its operation")
    func constraintFailure() throws {
        let queue = try DatabaseQueue()
        try queue.write { database in
            try database.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
            let insert = try HotStatement("INSERT INTO t (name) VALUES (?)", in: database)
            insert.bind(1, "once")
            try insert.execute()
            insert.bind(1, "once")
            let error = try #require(throws: DatabaseError.self) { try insert.execute() }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
            #expect(error.message?.contains("UNIQUE") == true)
            #expect(StoreError.isOperationLocal(error))
            // The statement was reset: it runs again.
            insert.bind(1, "twice")
            try insert.execute()
            #expect(try Int.fetchOne(database, sql: "SELECT count(*) FROM t") == 2)
        }
    }
}
