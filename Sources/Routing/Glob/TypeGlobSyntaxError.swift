/// Why a string is not a ``TypeGlob``. `Sendable`: a value type.
public struct TypeGlobSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
