/// A failure of the store, with a stable reason code and a human-readable message.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The machine-readable reason.
    public var reason: StoreErrorReason
    /// What failed, for humans (never contains event payloads).
    public var message: String
    /// The engine's own result code when there is one (e.g. SQLite's extended result code).
    public var engineCode: Int32?

    /// Creates a store error.
    public init(_ reason: StoreErrorReason, _ message: String, engineCode: Int32? = nil) {
        self.reason = reason
        self.message = message
        self.engineCode = engineCode
    }

    /// `"<reason>: <message>"`.
    public var description: String { "\(reason.rawValue): \(message)" }

    /// Whether the error means the storage itself failed (the broker must stop confirming),
    /// as opposed to a bad argument.
    public var isStorageFailure: Bool {
        switch reason {
        case .diskFull, .locked, .corrupt, .io, .cannotOpen, .unavailable, .readOnly, .internal: true
        case .unsupportedSchema, .invalidArgument, .invalidConfiguration, .closed: false
        }
    }
}
