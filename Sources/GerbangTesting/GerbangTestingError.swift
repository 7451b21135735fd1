/// A step of a test's set-up that failed (a process that did not start, a port that did not
/// answer), with what was seen.
///
/// `Sendable`: a string.
public struct GerbangTestingError: Error, CustomStringConvertible, Sendable {
    /// What failed.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
