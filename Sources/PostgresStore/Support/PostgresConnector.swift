import Logging
import NIOCore
import PostgresNIO
import Store
import Synchronization

/// Opens connections to the store's database, as its URL says; each session gets the settings
/// the store relies on (`synchronous_commit = on`, UTC).
///
/// `Sendable`: immutable values only.
struct PostgresConnector: Sendable {
    let url: PostgresConnectionURL
    let connectTimeout: Duration
    /// `lock_timeout` and `idle_in_transaction_session_timeout` of every session (nil: the
    /// server's defaults).
    let lockTimeout: Duration?
    let idleInTransactionTimeout: Duration?
    let logger: Logger
    private let nextID = Counter()

    init(url: PostgresConnectionURL, connectTimeout: Duration, lockTimeout: Duration? = nil,
         idleInTransactionTimeout: Duration? = nil, logger: Logger) {
        self.url = url
        self.connectTimeout = connectTimeout
        self.lockTimeout = lockTimeout
        self.idleInTransactionTimeout = idleInTransactionTimeout
        self.logger = logger
    }

    /// The PostgresNIO configuration of one connection.
    var configuration: PostgresConnection.Configuration {
        var configuration = if let socketPath = url.socketPath {
            PostgresConnection.Configuration(unixSocketPath: socketPath, username: url.user, password: url.password,
                                             database: url.database)
        } else {
            PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                             database: url.database, tls: .disable)
        }
        configuration.options.connectTimeout = .milliseconds(Timestamp.milliseconds(connectTimeout))
        return configuration
    }

    /// Opens one connection; fails with `store.unavailable` when the server cannot be reached,
    /// `store.cannot-open` when the login or the database is refused.
    func connect() async throws(StoreError) -> PostgresConnection {
        let id = nextID.next()
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
            do {
                // Whatever the server's defaults: every commit waits for the WAL flush unless a
                // batch of only relaxed operations switches it off (PostgresGroupCommitWriter).
                try await connection.rows("SET synchronous_commit = on", logger: logger)
                try await connection.rows("SET TIME ZONE 'UTC'", logger: logger)
                if let lockTimeout {
                    try await connection.rows("SELECT set_config('lock_timeout', \(Self.setting(lockTimeout)), false)",
                                              logger: logger)
                }
                if let idleInTransactionTimeout {
                    try await connection.rows(
                        "SELECT set_config('idle_in_transaction_session_timeout', \(Self.setting(idleInTransactionTimeout)), false)",
                        logger: logger)
                }
            } catch {
                try? await connection.close()
                throw error
            }
            return connection
        } catch {
            throw StoreError(mapping: error, context: "connect to \(url.redacted)")
        }
    }
}

extension PostgresConnector {
    /// A duration as a PostgreSQL time setting in whole milliseconds (`"1500ms"`).
    static func setting(_ duration: Duration) -> String {
        "\(max(1, Timestamp.milliseconds(duration)))ms"
    }

    /// Numbers connections for PostgresNIO's log metadata.
    ///
    /// `Sendable`: a class whose only state is an `Atomic`.
    final class Counter: Sendable {
        private let value = Atomic<Int>(0)

        func next() -> Int {
            value.wrappingAdd(1, ordering: .relaxed).newValue
        }
    }
}
