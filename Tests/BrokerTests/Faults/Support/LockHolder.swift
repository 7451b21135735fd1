import Foundation

/// Another process holding an exclusive lock on a SQLite file: `python3`'s `sqlite3` module runs
/// `BEGIN EXCLUSIVE`, says `locked` on stdout, keeps the lock until it is told to let go (a line
/// on stdin) or for at most `maxSeconds`, then commits and says `released`.
/// Not `Sendable`: owned by the test's thread.
final class LockHolder {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    static let script = """
        import select, sqlite3, sys
        connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
        connection.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
        select.select([sys.stdin], [], [], float(sys.argv[2]))
        connection.execute("COMMIT")
        print("released", flush=True)
        """

    /// Starts the holder and waits (bounded) until it holds the lock.
    init(database: URL, maxSeconds: Double = 20) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, database.path, "\(maxSeconds)"]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = try readLine(timeout: 15)
        guard line == "locked" else { throw BrokerTestError("the lock holder did not lock: \(line)") }
    }

    /// Lets go of the lock and waits (bounded) for the holder to confirm.
    func release() throws {
        input.fileHandleForWriting.write(Data("go\n".utf8))
        let line = try readLine(timeout: 15)
        guard line == "released" else { throw BrokerTestError("the lock holder did not release: \(line)") }
        process.waitUntilExit()
    }

    private func readLine(timeout: TimeInterval) throws -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(timeout)
        while !text.contains("\n") && Date() < deadline && process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
