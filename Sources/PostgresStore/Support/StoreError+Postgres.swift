import NIOCore
import PostgresNIO
import Store

extension StoreError {
    /// Maps any error thrown under the store to a ``StoreError``: PostgreSQL SQLSTATE classes to
    /// their reason (`53100` → `store.disk-full`, `40P01` → `store.locked`, …), a connection that
    /// cannot be made or was lost to `store.unavailable`; a `StoreError` passes through unchanged.
    /// The message carries the server's message, never a bound parameter (payloads are bound,
    /// never spliced into SQL).
    init(mapping error: any Error, context: String) {
        if let storeError = error as? StoreError {
            self = storeError
            return
        }
        if let psqlError = error as? PSQLError {
            self = Self(psql: psqlError, context: context)
            return
        }
        if error is ChannelError || error is IOError {
            self.init(.unavailable, "\(context): the database server cannot be reached (\(error))")
            return
        }
        self.init(.internal, "\(context): \(error)")
    }

    private init(psql error: PSQLError, context: String) {
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "server error"
            self.init(Self.reason(forSQLState: state), "\(context): \(message) (SQLSTATE \(state))",
                      engineCode: Self.engineCode(state))
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            let underlying = error.underlying.map { ": \($0)" } ?? ""
            self.init(.unavailable, "\(context): the database server cannot be reached (\(error.code)\(underlying))")
        case .authMechanismRequiresPassword, .unsupportedAuthMechanism, .saslError, .sslUnsupported:
            self.init(.cannotOpen, "\(context): cannot log in (\(error.code))")
        default:
            self.init(.internal, "\(context): \(error.code)")
        }
    }

    /// The reason for a SQLSTATE (<https://www.postgresql.org/docs/current/errcodes-appendix.html>).
    static func reason(forSQLState state: String) -> StoreErrorReason {
        switch state {
        case "53100": return .diskFull
        case "40P01", "40001", "55P03", "55006": return .locked
        case "XX001", "XX002": return .corrupt
        case "25006": return .readOnly
        case "57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004": return .unavailable
        case "3D000", "28000", "28P01", "42501": return .cannotOpen
        default: break
        }
        switch state.prefix(2) {
        case "53", "58": return .io
        case "22", "23": return .invalidArgument
        default: return .internal
        }
    }

    /// The SQLSTATE as a number for ``StoreError/engineCode`` (its five characters in base 36),
    /// nil when absent.
    static func engineCode(_ state: String) -> Int32? {
        guard state.count == 5 else { return nil }
        return Int32(state, radix: 36)
    }

    /// Whether PostgreSQL aborted a transaction because of another session (deadlock,
    /// serialization failure): running it again may succeed.
    static func isRetryableConflict(_ error: any Error) -> Bool {
        guard let psqlError = error as? PSQLError, psqlError.code == .server else { return false }
        let state = psqlError.serverInfo?[.sqlState]
        return state == "40P01" || state == "40001"
    }

    /// Whether the error is local to one operation (a bad argument, a constraint), so that only
    /// that operation is rolled back to its savepoint while the rest of its batch commits.
    static func isOperationLocal(_ error: any Error) -> Bool {
        if let storeError = error as? StoreError { return storeError.reason == .invalidArgument }
        guard let psqlError = error as? PSQLError, psqlError.code == .server else { return false }
        let state = psqlError.serverInfo?[.sqlState] ?? ""
        return state.hasPrefix("22") || state.hasPrefix("23")
    }
}
