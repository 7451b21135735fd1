/// What a fuzz target made of one input; the replay tests use it to check that a corpus reaches
/// past the parsers' first checks. `Sendable`: a plain enum.
public enum FuzzOutcome: Sendable, Hashable {
    /// The parser accepted the input (and every promise checked on the result held).
    case accepted
    /// The parser refused the input with its typed error.
    case rejected
}
