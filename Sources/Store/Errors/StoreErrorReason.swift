/// The stable, machine-readable reason of a ``StoreError``.
///
/// The broker stops confirming publishes and reports the reason when the store fails with
/// one of the storage reasons (`disk-full`, `locked`, `corrupt`, `io`, `read-only`).
public enum StoreErrorReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The disk (or the database's size limit) is full (`SQLITE_FULL`).
    case diskFull = "store.disk-full"
    /// The database stayed locked by another process past the busy timeout (`SQLITE_BUSY`,
    /// `SQLITE_LOCKED`).
    case locked = "store.locked"
    /// The database file is damaged or is not a database (`SQLITE_CORRUPT`, `SQLITE_NOTADB`).
    case corrupt = "store.corrupt"
    /// A read or write of the file failed (`SQLITE_IOERR`).
    case io = "store.io"
    /// The file or its directory cannot be opened or created (`SQLITE_CANTOPEN`, `SQLITE_PERM`).
    case cannotOpen = "store.cannot-open"
    /// The database server cannot be reached or closed the connection (PostgreSQL: connection
    /// refused, server shut down or restarting).
    case unavailable = "store.unavailable"
    /// The database is read-only (`SQLITE_READONLY`).
    case readOnly = "store.read-only"
    /// The file was written by a newer version of the store.
    case unsupportedSchema = "store.unsupported-schema"
    /// A caller passed an invalid argument (empty id, negative limit…).
    case invalidArgument = "store.invalid-argument"
    /// The configuration is invalid.
    case invalidConfiguration = "store.invalid-configuration"
    /// The store was closed.
    case closed = "store.closed"
    /// Any other failure of the storage engine.
    case `internal` = "store.internal"
}
