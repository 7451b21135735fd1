/// A routes file that cannot be used, with a stable reason code, a message for people and the
/// place in the file where the problem is.
///
/// ``description`` reads like a compiler diagnostic:
/// `Config/routes.yaml:14:5: subscription 'kemensos.bansos': unknown key 'retyr' (did you mean 'retry'?) [routes.unknown-key]`.
///
/// `Sendable`: a value type of `Sendable` fields.
public struct RoutesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The machine-readable reason.
    public var reason: RoutesErrorReason
    /// What is wrong, for people (the context, e.g. `subscription 'x': `, included).
    public var message: String
    /// The file as the caller named it (e.g. `Config/routes.yaml`).
    public var file: String
    /// The 1-based line of the problem, when known.
    public var line: Int?
    /// The 1-based column of the problem (in Unicode scalars), when known.
    public var column: Int?

    /// Creates a routes error.
    public init(_ reason: RoutesErrorReason, _ message: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or as much of it as is known.
    public var location: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column)"
        case let (line?, nil): "\(file):\(line)"
        default: file
        }
    }

    /// `"<file>:<line>:<column>: <message> [<reason>]"`.
    public var description: String { "\(location): \(message) [\(reason.rawValue)]" }
}
