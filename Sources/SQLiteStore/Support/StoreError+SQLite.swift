import GRDB
import Store

extension StoreError {
    /// Maps any error thrown under the store to a ``StoreError``: SQLite result codes to their
    /// reason (`SQLITE_FULL` → `store.disk-full`, `SQLITE_BUSY` → `store.locked`, …); a
    /// `StoreError` passes through unchanged.
    init(mapping error: any Error, context: String) {
        if let storeError = error as? StoreError {
            self = storeError
            return
        }
        guard let databaseError = error as? DatabaseError else {
            self.init(.internal, "\(context): \(error)")
            return
        }
        let code = databaseError.extendedResultCode.rawValue
        let message = "\(context): \(databaseError.message ?? "SQLite error \(code)")"
        self.init(Self.reason(for: databaseError.resultCode), message, engineCode: code)
    }

    /// The reason for a primary SQLite result code.
    /// (<https://www.sqlite.org/rescode.html>)
    static func reason(for resultCode: ResultCode) -> StoreErrorReason {
        switch resultCode {
        case .SQLITE_FULL: .diskFull
        case .SQLITE_BUSY, .SQLITE_LOCKED: .locked
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: .corrupt
        case .SQLITE_IOERR: .io
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: .cannotOpen
        case .SQLITE_READONLY: .readOnly
        default: .internal
        }
    }

    /// Whether the error is local to one operation (a constraint or an argument), so that
    /// only that operation fails while the rest of its batch commits. Every other error
    /// (I/O, disk full, corruption, lock) aborts the whole batch.
    static func isOperationLocal(_ error: any Error) -> Bool {
        if let storeError = error as? StoreError {
            return storeError.reason == .invalidArgument
        }
        if let databaseError = error as? DatabaseError {
            return databaseError.resultCode == .SQLITE_CONSTRAINT
        }
        return false
    }
}
