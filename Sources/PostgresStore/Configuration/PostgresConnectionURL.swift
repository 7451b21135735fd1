import Foundation
import Store

/// A parsed `postgres://user[:password]@host[:port]/database[?sslmode=disable][&host=/socket/dir]`
/// connection URL.
///
/// `Sendable`: a value type of `String`s and an `Int`.
public struct PostgresConnectionURL: Sendable, Hashable {
    /// The role to log in as.
    public var user: String
    /// The password, if the URL has one (never logged).
    public var password: String?
    /// The server's host name or address (ignored when ``socketDirectory`` is set).
    public var host: String
    /// The server's TCP port (default 5432).
    public var port: Int
    /// The database name.
    public var database: String
    /// A directory holding the server's Unix socket (`?host=/dir`), as libpq understands it.
    public var socketDirectory: String?

    /// Parses `text`; throws `store.invalid-configuration` saying what is wrong (the password is
    /// never repeated in the message).
    public init(_ text: String) throws(StoreError) {
        func fail(_ message: String) -> StoreError {
            StoreError(.invalidConfiguration, "store.postgres-url: \(message)")
        }
        guard let components = URLComponents(string: text) else { throw fail("not a URL") }
        guard components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw fail("the scheme must be postgres:// or postgresql://")
        }
        guard let user = components.user, !user.isEmpty else { throw fail("no user (postgres://user@host/database)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw fail("no database name after the host") }
        var socketDirectory: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard item.value == "disable" else {
                    throw fail("sslmode=\(item.value ?? "") is not supported (only sslmode=disable)")
                }
            case "host":
                guard let value = item.value, value.hasPrefix("/") else { throw fail("host= must be a socket directory") }
                socketDirectory = value
            default:
                throw fail("unknown parameter \(item.name)")
            }
        }
        let host = components.host ?? ""
        guard !host.isEmpty || socketDirectory != nil else { throw fail("no host") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw fail("port \(port) out of range") }
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.host = host
        self.port = port
        self.database = database.removingPercentEncoding ?? database
        self.socketDirectory = socketDirectory
    }

    /// The URL without its password, for logs and messages.
    public var redacted: String {
        let address = socketDirectory.map { "?host=\($0)" } ?? ""
        return "postgres://\(user)@\(host.isEmpty ? "" : host):\(port)/\(database)\(address)"
    }

    /// The Unix socket path (`<dir>/.s.PGSQL.<port>`), when connecting through a socket.
    var socketPath: String? {
        socketDirectory.map { "\($0)/.s.PGSQL.\(port)" }
    }
}
