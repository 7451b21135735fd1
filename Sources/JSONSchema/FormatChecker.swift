/// A check for one value of the `format` keyword, such as `date` or a format of your own
/// (`nik`, `kode-wilayah`).
///
/// A format applies to strings only: a non-string instance always passes `format`, as the
/// specification requires. The check runs only when formats assert (see
/// ``SchemaOptions/assertFormats``).
///
/// `Sendable`: it holds only a `@Sendable` closure, which may be called from any thread.
public struct FormatChecker: Sendable {
    /// The check: `true` when the string conforms to the format.
    public let check: @Sendable (String) -> Bool

    /// Creates a checker from a function returning `true` for a conforming string.
    public init(_ check: @escaping @Sendable (String) -> Bool) {
        self.check = check
    }
}
