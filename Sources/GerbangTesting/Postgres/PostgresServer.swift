import Foundation
import Synchronization

/// A throwaway PostgreSQL server for tests: `initdb` into a temporary directory, `postgres`
/// listening on 127.0.0.1 only (a free port, its Unix socket in the data directory, `fsync` on),
/// one database per test, stopped (SIGINT — PostgreSQL's fast shutdown —, then SIGKILL after a
/// bound) by ``stop()`` or when released.
///
/// The binaries are found under `/usr/lib/postgresql/<version>/bin` (the newest version), or in
/// the directory named by the environment variable `GERBANG_POSTGRES_BIN`. PostgreSQL refuses to
/// run as root: as root (CI), `initdb` and `postgres` run as the `postgres` user (created by the
/// Debian package) through `setpriv`, and the data directory is given to that user.
///
/// A watchdog shell process ends the server and removes its directory once the test process is
/// gone (the shared server is never stopped explicitly; a `kill -9` of the test runner or a crash
/// ends it too), so no server outlives its tests.
///
/// `Sendable`: its mutable state (the running process) is inside a `Mutex`; everything else is
/// immutable.
public final class PostgresServer: Sendable {
    /// The superuser role every database belongs to (login without password over 127.0.0.1).
    public static let user = "gerbang"

    /// The port the server listens on (127.0.0.1).
    public let port: Int
    /// The data directory (removed by ``stop()``).
    public let dataDirectory: URL
    private let binDirectory: URL
    private let runAs: String?
    private let process = Mutex<Process?>(nil)
    private let databaseCounter = Atomic<Int>(0)

    private static let sharedServer = Mutex<PostgresServer?>(nil)

    /// The server shared by every test of the process, started on first use.
    public static func shared() throws -> PostgresServer {
        try sharedServer.withLock { server in
            if let server { return server }
            let started = try PostgresServer()
            server = started
            return started
        }
    }

    /// Initialises a new data directory and starts a server on it (waits at most `timeout`
    /// seconds for it to accept connections).
    public init(timeout: TimeInterval = 60) throws {
        binDirectory = try Self.findBinaries()
        runAs = getuid() == 0 ? "postgres" : nil
        // As root the server runs as `postgres`, which must reach the directory: /tmp, whatever
        // TMPDIR says (it may be under /root).
        let temporary = runAs == nil ? FileManager.default.temporaryDirectory : URL(fileURLWithPath: "/tmp", isDirectory: true)
        dataDirectory = temporary.appendingPathComponent("gerbang-pg-\(UUID().uuidString.prefix(8))", isDirectory: true)
        port = Int(try LocalPort.free())
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        if let runAs { try Self.giveOwnership(of: dataDirectory, to: runAs) }
        let log = try run("initdb", ["-D", dataDirectory.path, "-U", Self.user, "--auth=trust", "--no-sync",
                                     "--encoding=UTF8", "--locale=C"])
        guard log.status == 0 else {
            throw GerbangTestingError("initdb failed (\(log.status)): \(log.output)")
        }
        try start(timeout: timeout)
    }

    deinit {
        stop()
    }

    /// A URL for the store: `postgres://gerbang@127.0.0.1:<port>/<database>?sslmode=disable`.
    public func url(database: String) -> String {
        "postgres://\(Self.user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Creates a new, empty database with a unique name starting with `prefix`, and returns its
    /// name.
    public func createDatabase(prefix: String = "test") throws -> String {
        let number = databaseCounter.wrappingAdd(1, ordering: .relaxed).newValue
        let name = "\(prefix)_\(getpid())_\(number)"
        let result = try run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, name], asServerUser: false)
        guard result.status == 0 else { throw GerbangTestingError("createdb \(name) failed: \(result.output)") }
        return name
    }

    /// Whether the server process is running.
    public var isRunning: Bool {
        process.withLock { $0?.isRunning ?? false }
    }

    /// Kills the server with SIGKILL (no shutdown, no checkpoint), as a crash would.
    public func kill() {
        process.withLock { process in
            guard let running = process, running.isRunning else { return }
            Foundation.kill(running.processIdentifier, SIGKILL)
            running.waitUntilExit()
        }
    }

    /// Starts the server again on the same data directory and port (after ``kill()`` or
    /// ``stop()``); crash recovery replays the WAL. Retries while the killed server's backends
    /// still hold its shared memory, within `timeout` seconds.
    public func restart(timeout: TimeInterval = 60) throws {
        try start(timeout: timeout)
    }

    /// Stops the server and removes its data directory: SIGINT, PostgreSQL's fast shutdown (SIGTERM
    /// would be its smart shutdown, which waits for every client to leave), then SIGKILL after 20
    /// seconds.
    public func stop() {
        process.withLock { process in
            guard let running = process else { return }
            if running.isRunning {
                Foundation.kill(running.processIdentifier, SIGINT)
                let deadline = Date().addingTimeInterval(20)
                while running.isRunning && Date() < deadline { usleep(20_000) }
                if running.isRunning {
                    Foundation.kill(running.processIdentifier, SIGKILL)
                    running.waitUntilExit()
                }
            }
            process = nil
        }
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    // MARK: Starting

    private func start(timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var lastLog = ""
        while Date() < deadline {
            let logFile = dataDirectory.appendingPathComponent("server.log")
            let server = Process()
            server.executableURL = commandURL("postgres")
            server.arguments = commandArguments("postgres", [
                "-D", dataDirectory.path, "-h", "127.0.0.1", "-p", String(port), "-k", dataDirectory.path,
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=300",
                "-c", "shared_buffers=32MB", "-c", "logging_collector=off",
            ])
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
            if let runAs { try? Self.giveOwnership(of: logFile, to: runAs) }
            let handle = try FileHandle(forWritingTo: logFile)
            server.standardOutput = handle
            server.standardError = handle
            try server.run()
            try watch(server)
            if try waitUntilReady(server, until: deadline) {
                process.withLock { $0 = server }
                return
            }
            lastLog = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if server.isRunning {
                Foundation.kill(server.processIdentifier, SIGKILL)
                server.waitUntilExit()
            }
            // Typically "pre-existing shared memory block is still in use" right after a kill:
            // the old backends are still exiting.
            usleep(200_000)
        }
        throw GerbangTestingError("postgres did not start within \(Int(timeout)) s: \(lastLog)")
    }

    /// Polls `pg_isready` until the server accepts connections; false when it exited.
    private func waitUntilReady(_ server: Process, until deadline: Date) throws -> Bool {
        while Date() < deadline {
            guard server.isRunning else { return false }
            let probe = try run("pg_isready", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", "postgres"],
                                asServerUser: false)
            if probe.status == 0 { return true }
            usleep(100_000)
        }
        return false
    }

    /// Starts a shell that, once this test process is gone, stops `server` if it still runs and
    /// removes the data directory. It checks that the process is still this server (its command
    /// line names the data directory) before signalling it, so a reused process id is never hit.
    private func watch(_ server: Process) throws {
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        let pid = server.processIdentifier
        let directory = dataDirectory.path
        watchdog.arguments = ["-c", """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            if grep -q '\(directory)' /proc/\(pid)/cmdline 2>/dev/null; then
                kill -INT \(pid) 2>/dev/null
                for i in $(seq 100); do kill -0 \(pid) 2>/dev/null || break; sleep 0.2; done
                grep -q '\(directory)' /proc/\(pid)/cmdline 2>/dev/null && kill -KILL \(pid) 2>/dev/null
            fi
            rm -rf '\(directory)'
            exit 0
            """]
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    // MARK: Helpers

    private func commandURL(_ name: String) -> URL {
        runAs == nil ? binDirectory.appendingPathComponent(name) : URL(fileURLWithPath: "/usr/bin/setpriv")
    }

    private func commandArguments(_ name: String, _ arguments: [String]) -> [String] {
        guard let runAs else { return arguments }
        return ["--reuid=\(runAs)", "--regid=\(runAs)", "--clear-groups", "--",
                binDirectory.appendingPathComponent(name).path] + arguments
    }

    /// Runs a PostgreSQL program to completion and returns its status and output.
    private func run(_ name: String, _ arguments: [String], asServerUser: Bool = true) throws -> (status: Int32, output: String) {
        if asServerUser {
            return try Command.run(commandURL(name), commandArguments(name, arguments),
                                   workingDirectory: FileManager.default.temporaryDirectory)
        }
        return try Command.run(binDirectory.appendingPathComponent(name), arguments,
                               workingDirectory: FileManager.default.temporaryDirectory)
    }

    private static func findBinaries() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["GERBANG_POSTGRES_BIN"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let root = URL(fileURLWithPath: "/usr/lib/postgresql", isDirectory: true)
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let newest = versions.compactMap { Int($0) }.sorted().last { version in
            FileManager.default.isExecutableFile(atPath: root.appendingPathComponent("\(version)/bin/postgres").path)
        }
        guard let newest else {
            throw GerbangTestingError("no PostgreSQL server under /usr/lib/postgresql/*/bin (install the postgresql package, scripts/install-deps.sh)")
        }
        return root.appendingPathComponent("\(newest)/bin", isDirectory: true)
    }

    private static func giveOwnership(of url: URL, to user: String) throws {
        guard let entry = getpwnam(user) else {
            throw GerbangTestingError("no user \(user) to run PostgreSQL as (PostgreSQL refuses to run as root)")
        }
        guard chown(url.path, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
            throw GerbangTestingError("cannot give \(url.path) to \(user): errno \(errno)")
        }
    }
}
