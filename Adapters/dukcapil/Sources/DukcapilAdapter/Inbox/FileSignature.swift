/// A file's size and modification time, to see that a writer has finished with it.
///
/// `Sendable`: a value type.
public struct FileSignature: Sendable, Hashable {
    /// Size in bytes.
    public var size: Int
    /// Modification time, seconds since 1970.
    public var modified: Double
}
